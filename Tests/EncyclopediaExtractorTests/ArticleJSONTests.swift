import ArticleDiff
@testable import EncyclopediaExtractor
import Foundation
import Testing

/// `ArticleJSON` writes JSON itself (for speed); it must give the very bytes `JSONEncoder` gives
/// from the model's `Codable` conformance, for every fixture, compact and pretty.
@Suite struct ArticleJSONTests {
    static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    @Test(arguments: allFixtures.map(\.name))
    func writerMatchesJSONEncoder(name: String) throws {
        let fixture = try #require(allFixtures.first { $0.name == name })
        guard let article = try? Extractor().extract(fileAt: fixture.page) else { return }  // pages that fail have no JSON
        let compact = try ArticleJSON.line(article)
        let pretty = try ArticleJSON.pretty(article)
        let sameCompact = compact == (try Self.encoder(pretty: false).encode(article))
        let samePretty = pretty == (try Self.encoder(pretty: true).encode(article)) + Data([0x0A])
        #expect(sameCompact, "\(name): compact JSON differs from JSONEncoder's")
        #expect(samePretty, "\(name): pretty JSON differs from JSONEncoder's")
    }

    @Test func awkwardStringsAreEscapedAsJSONEncoderDoes() throws {
        var article = Article(title: "Quote \" backslash \\ slash / tab \t line \n cr \r nul \u{0} bell \u{7} é – 🙂 \u{2028}",
                              source: Source(url: nil, site: nil, encoding: "utf-8"), language: nil, lead: [], sections: [],
                              tableOfContents: [], references: [], isbns: [], infobox: [], categories: [], license: nil, warnings: [])
        article.lead = [.table(caption: nil, rows: [["a\u{1F}b", ""]]), .figure(caption: "", src: nil), .definitions(items: [])]
        #expect(try ArticleJSON.line(article) == Self.encoder(pretty: false).encode(article))
        #expect(try ArticleJSON.pretty(article) == Self.encoder(pretty: true).encode(article) + Data([0x0A]))
    }

    /// Plain runs are copied sixteen bytes at a time: a character to escape in any place of a long
    /// string, alone or beside another, is still escaped as JSONEncoder escapes it.
    @Test(arguments: ["\"", "\\", "\n", "\u{1}", "\u{1F}", "é", "\"\\"])
    func escapesAreFoundInEveryPlace(special: String) throws {
        let plain = Array("A line of plain prose, long enough for several vectors of bytes.")
        for place in 0...plain.count {
            var characters = plain
            characters.insert(contentsOf: special, at: place)
            let article = Article(title: String(characters), source: Source(url: nil, site: nil, encoding: "utf-8"),
                                  language: nil, lead: [], sections: [], tableOfContents: [], references: [], isbns: [],
                                  infobox: [], categories: [], license: nil, warnings: [])
            #expect(try ArticleJSON.line(article) == Self.encoder(pretty: false).encode(article), "\(special) at \(place)")
        }
    }
}
