@testable import EncyclopediaExtractor
import Foundation
import Testing

private let schemaURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Sources/EncyclopediaExtractor/Model/article.schema.json")

/// An article with every field filled and every kind of block, so that every key of the wire format
/// appears in its JSON.
func everyFieldArticle() -> Article {
    let blocks: [Block] = [
        .paragraph(text: "A sentence with a marker.", cites: ["cite_note-1"], markers: [CitationMarker(id: "cite_note-1", offset: 10)]),
        .list(ordered: true, items: [ListItem(text: "one", items: [ListItem(text: "nested")])]),
        .table(caption: "Caption", rows: [["Head", "Head"], ["a", "b"]], spans: [CellSpan(row: 0, column: 0, rows: 1, columns: 2)],
               headerRows: [0]),
        .quote(text: "Quoted."),
        .figure(caption: "A figure", src: "image.png"),
        .definitions(items: [Definition(term: "Term", definition: "Meaning")]),
    ]
    return Article(
        title: "Every field",
        source: Source(url: "http://example.org/", site: "World Heritage Encyclopedia", encoding: "utf-8",
                       upstream: Upstream(site: "Wikipedia", url: "https://en.wikipedia.org/wiki/X"), articleId: "WHEBN0000000001",
                       catalog: Catalog(author: "A", collection: "C", publicationDate: "P", publisher: "Pu", reproductionDate: "R", subject: "S")),
        language: "en",
        lead: blocks,
        sections: [Section(title: "References", level: 2, anchor: "References", blocks: blocks,
                           sections: [Section(title: "Sub", level: 3)], referenceKind: .note)],
        tableOfContents: [TOCEntry(number: "1", title: "References", level: 1, anchor: "References")],
        references: [Reference(number: 1, id: "cite_note-1", kind: .note, text: "A note.", urls: ["http://example.org/"],
                               isbns: ["9780306406157"], retrieved: "2011-11-04", label: "a", group: "lower-alpha")],
        isbns: [ISBN(text: "0-306-40615-2", isbn13: "9780306406157", isbn10: "0306406152", valid: true, foundIn: ["references[0]"])],
        infobox: [InfoboxField(label: "Born", value: "1881")],
        categories: ["Category"],
        license: License(name: "CC BY-SA 3.0", url: "http://creativecommons.org/licenses/by-sa/3.0/", attribution: "Text."),
        warnings: [Warning(code: .licenseMissing, message: "m")],
        fingerprint: String(repeating: "0f", count: 128), contentHash: String(repeating: "a1", count: 16))
}

/// The published JSON Schema and the model agree field by field: every object the writer emits has
/// exactly the keys its schema definition lists, and the writer and `Codable` give the same bytes for
/// an article that uses every field.
@Suite struct SchemaTests {
    private static func load(_ url: URL) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    @Test func theWriterAndCodableAgreeOnAnArticleUsingEveryField() throws {
        let article = everyFieldArticle()
        #expect(try ArticleJSON.line(article) == ArticleJSONTests.encoder(pretty: false).encode(article))
        #expect(try ArticleJSON.decode(try ArticleJSON.pretty(article)) == article)
    }

    @Test func everyObjectHasExactlyTheKeysOfItsSchemaDefinition() throws {
        let schema = try Self.load(schemaURL)
        let definitions = try #require(schema["$defs"] as? [String: [String: Any]])
        let json = try #require(try JSONSerialization.jsonObject(with: ArticleJSON.pretty(everyFieldArticle())) as? [String: Any])
        #expect((schema["properties"] as? [String: Any])?["schemaVersion"].flatMap { ($0 as? [String: Any])?["const"] as? Int }
                == Article.currentSchemaVersion)

        /// The definition an object of the article is checked against, found from its `$ref`s.
        func properties(of definition: [String: Any]) -> Set<String> { Set((definition["properties"] as? [String: Any])?.keys ?? [:].keys) }
        func check(_ object: [String: Any], against definition: [String: Any], at path: String) {
            let keys = Set(object.keys)
            let declared = properties(of: definition)
            #expect(keys == declared, "\(path): written \(keys.sorted()), schema \(declared.sorted())")
            let required = Set(definition["required"] as? [String] ?? [])
            #expect(required.isSubset(of: keys), "\(path): required \(required.subtracting(keys).sorted()) missing")
        }
        check(json, against: schema, at: "article")
        func definition(_ name: String) -> [String: Any] { definitions[name] ?? [:] }
        check(try #require(json["source"] as? [String: Any]), against: definition("source"), at: "source")
        let sections = try #require(json["sections"] as? [[String: Any]])
        check(sections[0], against: definition("section"), at: "sections[0]")
        for block in try #require(json["lead"] as? [[String: Any]]) {
            let type = try #require(block["type"] as? String)
            check(block, against: definition(type), at: "block \(type)")
        }
        check(try #require((json["references"] as? [[String: Any]])?.first), against: definition("reference"), at: "references[0]")
        check(try #require((json["isbns"] as? [[String: Any]])?.first), against: definition("isbn"), at: "isbns[0]")
        check(try #require((json["tableOfContents"] as? [[String: Any]])?.first), against: definition("tocEntry"), at: "toc[0]")
        check(try #require((json["infobox"] as? [[String: Any]])?.first), against: definition("infoboxField"), at: "infobox[0]")
        check(try #require(json["license"] as? [String: Any]), against: definition("license"), at: "license")
        check(try #require((json["warnings"] as? [[String: Any]])?.first), against: definition("warning"), at: "warnings[0]")
    }
}
