import Foundation
import Testing

/// `encx dedupe` end to end: copies of one page cluster, the canonical copy is marked and can be written,
/// and JSON Lines of articles or of records give the same clusters as the pages themselves.
@Suite struct DedupeCommandTests {
    struct Line: Decodable, Equatable {
        let input: String
        let url: String?
        let site: String?
        let title: String?
        let cluster: String
        let canonical: Bool
    }

    static func lines(_ data: Data) throws -> [Line] {
        try String(decoding: data, as: UTF8.self).split(separator: "\n").map { try JSONDecoder().decode(Line.self, from: Data($0.utf8)) }
    }

    /// A folder with the seed page, the same page saved with CRLF line endings, and two other articles.
    static func mirrors() throws -> URL {
        let folder = try temporaryDirectory()
        try copyFixture("seed-anti-party-group.html", to: folder.appendingPathComponent("a-seed.html"))
        let page = try Data(contentsOf: fixtures.appendingPathComponent("seed-anti-party-group.html"))
        let crlf = String(decoding: page, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
        try Data(crlf.utf8).write(to: folder.appendingPathComponent("b-seed-crlf.html"))
        try copyFixture("stub-lead-only.html", to: folder.appendingPathComponent("c-stub.html"))
        try copyFixture("nested-sections.html", to: folder.appendingPathComponent("d-nested.html"))
        return folder
    }

    @Test func copiesShareAClusterAndOneIsCanonical() throws {
        let folder = try Self.mirrors()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try encx(["dedupe", folder.path, "--jobs", "2"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = try Self.lines(run.stdout)
        #expect(lines.map { URL(fileURLWithPath: $0.input).lastPathComponent } == ["a-seed.html", "b-seed-crlf.html", "c-stub.html", "d-nested.html"])
        #expect(lines[0].cluster == lines[1].cluster)
        #expect(Set(lines.map(\.cluster)).count == 3)
        #expect(lines.map(\.canonical) == [true, false, true, true])   // a tie: the smaller input name
        #expect(lines[0].title == "Anti-Party Group" && lines[0].site == "World Library")
        #expect(lines.allSatisfy { $0.cluster.count == 16 })
        #expect(run.stderr.contains("encx: dedupe: 4 articles, 3 clusters, 1 duplicate removed"))
    }

    @Test func jsonLinesAndRecordsGiveTheSameClusters() throws {
        let folder = try Self.mirrors()
        defer { try? FileManager.default.removeItem(at: folder) }
        let direct = try Self.lines(try encx(["dedupe", folder.path, "-q"]).stdout)
        let converted = try encx(["convert", folder.path, "--format", "jsonl", "-q"])
        #expect(converted.status == 0)
        let piped = try encx(["dedupe", "-", "-q"], stdin: converted.stdout)
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(try Self.lines(piped.stdout) == direct)

        // Records as the Spark job writes them: input, url, site, title, fingerprint, contentHash, completeness.
        var records = Data()
        for line in converted.stdoutText.split(separator: "\n") {
            let article = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let source = article["source"] as? [String: Any]
            let completeness = try Self.completeness(of: Data(line.utf8))
            let record: [String: Any] = ["input": article["input"] ?? "", "url": source?["url"] ?? NSNull(), "site": source?["site"] ?? NSNull(),
                                         "title": article["title"] ?? "", "fingerprint": article["fingerprint"] ?? NSNull(),
                                         "contentHash": article["contentHash"] ?? NSNull(), "completeness": completeness]
            records += try JSONSerialization.data(withJSONObject: record) + Data([0x0A])
        }
        let fromRecords = try encx(["dedupe", "--records", "-", "-q"], stdin: records)
        #expect(fromRecords.status == 0, "\(fromRecords.stderr)")
        #expect(try Self.lines(fromRecords.stdout) == direct)
    }

    /// The completeness counts as the README defines them, read from an article's JSON.
    static func completeness(of json: Data) throws -> [String: Int] {
        let article = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        func sections(_ list: [[String: Any]]) -> Int { list.reduce(list.count) { $0 + sections($1["sections"] as? [[String: Any]] ?? []) } }
        func bytes(_ text: Any?) -> Int { (text as? String)?.utf8.count ?? 0 }
        func items(_ list: [[String: Any]]) -> Int { list.reduce(0) { $0 + bytes($1["text"]) + items($1["items"] as? [[String: Any]] ?? []) } }
        func blocks(_ list: [[String: Any]]) -> Int {
            list.reduce(0) { total, block in
                switch block["type"] as? String {
                case "paragraph", "quote": total + bytes(block["text"])
                case "list": total + items(block["items"] as? [[String: Any]] ?? [])
                case "table": total + bytes(block["caption"]) + (block["rows"] as? [[String]] ?? []).joined().reduce(0) { $0 + $1.utf8.count }
                case "figure": total + bytes(block["caption"])
                case "definitions": total + (block["items"] as? [[String: Any]] ?? []).reduce(0) { $0 + bytes($1["term"]) + bytes($1["definition"]) }
                default: total
                }
            }
        }
        func prose(_ list: [[String: Any]]) -> Int {
            list.reduce(0) { total, section in
                section["referenceKind"] is String ? total
                    : total + bytes(section["title"]) + blocks(section["blocks"] as? [[String: Any]] ?? [])
                        + prose(section["sections"] as? [[String: Any]] ?? [])
            }
        }
        let repairCodes: Set<String> = ["toc-heading-missing", "heading-not-in-toc", "section-order", "section-restored", "misplaced-notes",
                                        "misplaced-references", "misplaced-prose", "title-from-head", "empty-article", "parse-truncated",
                                        "encoding-repaired", "encoding-guessed", "charset-unknown", "nul-removed",
                                        "replacement-characters"]
        let warnings = article["warnings"] as? [[String: Any]] ?? []
        return ["sections": sections(article["sections"] as? [[String: Any]] ?? []),
                "references": (article["references"] as? [Any])?.count ?? 0,
                "isbns": (article["isbns"] as? [[String: Any]] ?? []).filter { $0["valid"] as? Bool == true }.count,
                "proseBytes": blocks(article["lead"] as? [[String: Any]] ?? []) + prose(article["sections"] as? [[String: Any]] ?? []),
                "repairs": warnings.filter { repairCodes.contains($0["code"] as? String ?? "") }.count]
    }

    @Test func canonicalArticlesAreWritten() throws {
        let folder = try Self.mirrors()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        let kept = output.appendingPathComponent("kept.jsonl")
        let clusters = output.appendingPathComponent("clusters.jsonl")
        let run = try encx(["dedupe", folder.path, "--format", "jsonl", "--canonical", kept.path, "--output", clusters.path, "-q"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        let lines = try Self.lines(try Data(contentsOf: clusters))
        let articles = try String(contentsOf: kept, encoding: .utf8).split(separator: "\n")
        #expect(articles.count == 3)
        let inputs = try articles.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])["input"] as? String }
        #expect(inputs == lines.filter(\.canonical).map(\.input))

        let markdown = output.appendingPathComponent("kept")
        let again = try encx(["dedupe", folder.path, "--format", "markdown", "--canonical", markdown.path, "-q"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(files(under: markdown) == Set(lines.map(\.cluster)).map { $0 + ".md" }.sorted())
        #expect(files(under: output).allSatisfy { !$0.contains(".tmp") })
    }

    @Test func badArgumentsAreUsageErrors() throws {
        let threshold = try encx(["dedupe", fixtures.appendingPathComponent("stub-lead-only.html").path, "--threshold", "1.5"])
        #expect(threshold.status == 2)
        #expect(threshold.stderr.contains("--threshold"))
        let format = try encx(["dedupe", fixtures.appendingPathComponent("stub-lead-only.html").path, "--format", "jsonl"])
        #expect(format.status == 2)
        #expect(format.stderr.contains("--canonical"))
        let notArticles = try encx(["dedupe", "-"], stdin: Data("{\"input\": \"x\", \"title\": 3}\n".utf8))
        #expect(notArticles.status == 1)
        #expect(notArticles.stderr.contains("standard input:1"))
    }
}
