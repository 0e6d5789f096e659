import Foundation
import Testing

/// The rough edges a new user hit (issue 17), each through the built `encx`.
@Suite(.serialized) struct UsabilityTests {
    /// 1. An archive given as a page is read as one, or refused with a code that says what to do.
    @Test func aWARCOnStandardInputIsRefusedPlainOrGzip() throws {
        for name in ["crawl.warc.gz", "crawl-plain.warc"] {
            let bytes = try Data(contentsOf: fixtures.appendingPathComponent("archives/\(name)"))
            let result = try encx(["convert", "-"], stdin: bytes)
            #expect(result.status == 1, "\(name): \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(name): no garbage article")
            #expect(result.stderr.contains("standard input holds a WARC file; give its path"), "\(name): \(result.stderr)")
        }
        // Several inputs: the failure record carries the code.
        let plain = try Data(contentsOf: fixtures.appendingPathComponent("archives/crawl.warc.gz"))
        let lines = try encx(["convert", "-", fixtures.appendingPathComponent("no-toc.html").path, "--quiet"], stdin: plain)
        let first = try #require(lines.stdoutText.split(separator: "\n").first)
        let record = try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any]
        #expect(record?["errorCode"] as? String == "warc-on-stdin")
    }

    /// 2. A misspelt option is named as one.
    @Test func aMisspeltOptionIsNamed() throws {
        let result = try encx(["convert", fixtures.appendingPathComponent("no-toc.html").path, "--frmat", "markdown"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("encx: error: Unknown option '--frmat'. Did you mean '--format'?"), "\(result.stderr)")
        #expect(!result.stderr.contains("No such file"))
    }

    /// 3. Several pages as Markdown on standard output is a usage error, not silent JSON Lines.
    @Test func severalPagesAsMarkdownOnStandardOutputAreRefused() throws {
        let pages = ["no-toc.html", "tag-soup.html"].map { fixtures.appendingPathComponent($0).path }
        let result = try encx(["convert"] + pages + ["-f", "markdown"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("encx: error: 2 pages cannot share standard output as markdown; give --output DIR"), "\(result.stderr)")
    }

    /// 4. Report records carry the error code.
    @Test func reportRecordsCarryTheErrorCode() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data().write(to: root.appendingPathComponent("empty.html"))
        try copyFixture("no-toc.html", to: root.appendingPathComponent("fine.html"))
        let report = root.appendingPathComponent("report.jsonl")
        let result = try encx(["convert", root.path, "--output", root.appendingPathComponent("out").path, "--report", report.path, "-q"])
        #expect(result.status == 1)
        let records = try String(contentsOf: report, encoding: .utf8).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
        }
        #expect(records.count == 2)
        #expect(records[0]["errorCode"] as? String == "empty-input", "\(records[0])")
        #expect(records[0]["status"] as? String == "error")
        #expect(records[1]["errorCode"] is NSNull, "\(records[1])")
        #expect(records[1]["status"] as? String == "ok")
    }

    /// 5. One page with an output path that names a file writes that file.
    @Test func onePageToANamedFileWritesThatFile() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("one.md")
        let result = try encx(["convert", fixtures.appendingPathComponent("no-toc.html").path, "-f", "markdown", "-o", target.path, "-q"])
        #expect(result.status == 0, "\(result.stderr)")
        var isDirectory: ObjCBool = true
        #expect(FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory) && !isDirectory.boolValue)
        #expect(try String(contentsOf: target, encoding: .utf8).hasPrefix("# "))
        // A new name without an extension is still a folder to make.
        let folder = root.appendingPathComponent("articles")
        _ = try encx(["convert", fixtures.appendingPathComponent("no-toc.html").path, "-o", folder.path, "-q"])
        #expect(files(under: folder) == ["no-toc.json"])
    }

    /// 6. verify fails on a folder without fixtures and on an --ignore path that matches nothing.
    @Test func verifyFailsOnNothingToVerifyAndOnAMistypedIgnore() throws {
        let empty = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: empty) }
        let none = try encx(["verify", empty.path])
        #expect(none.status == 1)
        #expect(none.stderr.contains("encx: error: no fixtures found in"), "\(none.stderr)")

        let page = fixtures.appendingPathComponent("no-toc.html").path
        let mistyped = try encx(["verify", page, "--ignore", "sections[*].anchr"])
        #expect(mistyped.status == 1)
        #expect(mistyped.stderr.contains("--ignore sections[*].anchr matches no field"), "\(mistyped.stderr)")
        let right = try encx(["verify", page, "--ignore", "sections[*].anchor"])
        #expect(right.status == 0, "\(right.stderr)")
    }

    /// 7. Help is wrapped once at 80 columns; errors share one prefix; a negative --jobs is named.
    @Test func helpErrorsAndNegativeJobs() throws {
        let help = try encx(["help", "convert"])
        let lines = help.stdoutText.split(separator: "\n", omittingEmptySubsequences: false)
        // A paragraph wrapped twice leaves a short line before a line that goes on with the sentence.
        for (line, next) in zip(lines, lines.dropFirst()) where !line.isEmpty && !next.isEmpty && !line.hasPrefix(" ") && !next.hasPrefix(" ") {
            #expect(line.count + 1 + (next.split(separator: " ").first?.count ?? 0) > 80 || line.hasSuffix(":"),
                    "wrapped early: \(line)")
        }
        #expect(lines.allSatisfy { $0.count <= 80 }, "help lines fit 80 columns")

        let jobs = try encx(["convert", fixtures.appendingPathComponent("no-toc.html").path, "--jobs", "-1"])
        #expect(jobs.status == 2)
        #expect(jobs.stderr.hasPrefix("encx: error: --jobs must be at least 1 (got -1)"), "\(jobs.stderr)")
        let missing = try encx(["convert", "no-such-page.html"])
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("encx: error: No such file or directory: no-such-page.html"), "\(missing.stderr)")
        #expect(!missing.stderr.contains("Error:"))
    }
}
