import Foundation
import Testing

/// `encx convert` on WARC and MHTML files (Fixtures/archives, made by Scripts/make-archives).
@Suite struct ArchiveInputTests {
    static let archives = fixtures.appendingPathComponent("archives")

    static func lines(_ data: Data) throws -> [[String: Any]] {
        try String(decoding: data, as: UTF8.self).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    static func title(_ line: [String: Any]) -> String? { line["title"] as? String }

    @Test func aFolderOfArchivesGivesOneJSONLinesFilePerWARC() throws {
        let output = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try encx(["convert", Self.archives.path, "--output", output.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(files(under: output) == ["crawl-plain.jsonl", "crawl.jsonl", "saved.json"])
        #expect(result.stderr.contains("2 WARC files: 14 records, 8 HTML pages, 6 not HTML, 0 damaged"))

        // The same pages converted directly give the same titles, in record order.
        let direct = try ["stub-lead-only.html", "tag-soup.html", "windows-1252.html", "other-site-blog.html"].map { name in
            let json = try encx(["convert", fixtures.appendingPathComponent(name).path, "--quiet"]).stdout
            return try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        }
        for name in ["crawl.jsonl", "crawl-plain.jsonl"] {
            let records = try Self.lines(Data(contentsOf: output.appendingPathComponent(name)))
            #expect(records.map(Self.title) == direct.map(Self.title))
            #expect(records.map { ($0["source"] as? [String: Any])?["encoding"] as? String } == direct.map { ($0["source"] as? [String: Any])?["encoding"] as? String })
            for record in records {
                let warc = try #require(record["warc"] as? [String: Any])
                #expect((warc["recordID"] as? String)?.hasPrefix("<urn:uuid:") == true)
                #expect(warc["date"] is String)
                #expect(warc["offset"] is Int)
                #expect((record["source"] as? [String: Any])?["url"] as? String == warc["targetURI"] as? String)
            }
        }
        // MHTML: the HTML part, read like a saved page.
        let saved = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("saved.json"))) as? [String: Any])
        #expect(Self.title(saved) == "Ash roasting")
    }

    @Test func filtersLeaveOutRecordsAndCountThem() throws {
        let warc = Self.archives.appendingPathComponent("crawl.warc.gz").path
        let byURL = try encx(["convert", warc, "--url-pattern", "worldlibrary\\.org/articles"])
        #expect(byURL.status == 0)
        #expect(try Self.lines(byURL.stdout).map(Self.title) == ["Grennock Point Lighthouse", "Éditions Vauclère"])
        #expect(byURL.stderr.contains("2 filtered out"))

        let family = try encx(["convert", warc, "--family-only"])
        #expect(family.status == 0)
        #expect(try Self.lines(family.stdout).count == 3)
        #expect(family.stderr.contains("1 filtered out"))

        let bad = try encx(["convert", warc, "--url-pattern", "(unclosed"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("not a valid regular expression"))
    }

    @Test func inspectSendsWARCFilesToConvert() throws {
        let result = try encx(["inspect", Self.archives.appendingPathComponent("crawl.warc.gz").path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("is a WARC file; inspect reads one page"))
        let piped = try encx(["convert", "-"], stdin: try Data(contentsOf: Self.archives.appendingPathComponent("crawl-plain.warc")))
        #expect(piped.status == 1)
        #expect(piped.stderr.contains("standard input holds a WARC file"))
        let mhtml = try encx(["inspect", Self.archives.appendingPathComponent("saved.mhtml").path])
        #expect(mhtml.status == 0)
        #expect(mhtml.stdoutText.contains("Title:    Ash roasting"))
    }

    @Test func aTruncatedWARCKeepsTheRecordsBeforeTheCut() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var bytes = try Data(contentsOf: Self.archives.appendingPathComponent("crawl-plain.warc"))
        bytes.removeLast(500)
        let cut = directory.appendingPathComponent("cut.warc")
        try bytes.write(to: cut)
        let result = try encx(["convert", cut.path])
        #expect(result.status == 1, "a damaged record is a failure")
        let records = try Self.lines(result.stdout)
        #expect(records.compactMap(Self.title) == ["Hollin Cross", "Grennock Point Lighthouse", "Éditions Vauclère"])
        let failure = try #require(records.last)
        #expect(failure["errorCode"] as? String == "warc-truncated")
        #expect((failure["error"] as? String)?.contains("cut.warc") == true)
        #expect((failure["warc"] as? [String: Any])?["targetURI"] is String, "the truncated record is named")
    }
}
