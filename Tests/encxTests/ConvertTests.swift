import Foundation
import Testing

@Suite(.serialized) struct ConvertTests {
    /// A tree with nested folders, a .gz page, a PNG named .html, an empty page and a text file.
    private func makeTree() throws -> URL {
        let root = try temporaryDirectory()
        let input = root.appendingPathComponent("pages")
        try copyFixture("seed-anti-party-group.html", to: input.appendingPathComponent("a/seed.html"))
        try copyFixture("nested-sections.html", to: input.appendingPathComponent("a/b/river.htm"))
        try copyFixture("stub-lead-only.html", to: input.appendingPathComponent("stub.html"))
        try gzip(fixtures.appendingPathComponent("windows-1252.html"), to: input.appendingPathComponent("a/vauclere.html.gz"))
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]).write(to: input.appendingPathComponent("a/picture.html"))
        try Data().write(to: input.appendingPathComponent("empty.html"))
        try Data("not a page".utf8).write(to: input.appendingPathComponent("notes.txt"))
        return root
    }

    @Test func aNestedTreeConvertsWithFailuresReported() throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("out")
        let report = root.appendingPathComponent("report.jsonl")
        let result = try encx(["convert", root.appendingPathComponent("pages").path, "--output", output.path,
                               "--report", report.path, "--jobs", "2"])
        #expect(result.status == 1, "some inputs failed: exit 1")
        #expect(files(under: output) == ["a/b/river.json", "a/seed.json", "a/vauclere.json", "stub.json"])
        #expect(result.stderr.contains("picture.html: not an HTML page (a PNG image)"), "\(result.stderr)")
        #expect(result.stderr.contains("empty.html: the input is empty"), "\(result.stderr)")
        #expect(result.stderr.contains("converted 4 pages"), "\(result.stderr)")
        #expect(!result.stderr.contains("notes.txt"))

        let seed = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("a/seed.json"))) as? [String: Any]
        #expect(seed?["title"] as? String == "Anti-Party Group")
        let vauclere = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("a/vauclere.json"))) as? [String: Any]
        #expect(vauclere?["title"] as? String == "Éditions Vauclère")

        let lines = try String(contentsOf: report, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 6, "one report record per input")
        let records = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:] }
        let statuses = Dictionary(uniqueKeysWithValues: records.map { (($0["path"] as? String ?? "").split(separator: "/").last.map(String.init) ?? "", $0["status"] as? String ?? "") })
        #expect(statuses["picture.html"] == "error")
        #expect(statuses["empty.html"] == "error")
        #expect(statuses["seed.html"] == "warning")
        #expect(statuses["stub.html"] == "warning")
        #expect(statuses["river.htm"] == "ok")
        #expect(records.allSatisfy { $0["bytes"] is Int && $0["milliseconds"] is Int })
        // No temporary files are left behind.
        #expect(!files(under: root).contains { $0.hasSuffix(".tmp") })
    }

    /// A page whose output file cannot be written (a folder stands at its path) fails on its own,
    /// with the reason; the other pages are written, and nothing temporary is left behind.
    @Test func anUnwritableOutputFailsThatPageOnly() throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("out")
        let blocker = output.appendingPathComponent("stub.json")
        try FileManager.default.createDirectory(at: blocker, withIntermediateDirectories: true)
        try Data("kept".utf8).write(to: blocker.appendingPathComponent("inside.txt"))
        let report = root.appendingPathComponent("report.jsonl")
        let result = try encx(["convert", root.appendingPathComponent("pages").path, "--output", output.path,
                               "--report", report.path, "--jobs", "1"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("stub.html: cannot write the output"), "\(result.stderr)")
        #expect(result.stderr.contains("converted 3 pages"), "\(result.stderr)")
        #expect(files(under: output) == ["a/b/river.json", "a/seed.json", "a/vauclere.json", "stub.json/inside.txt"])
        let records = try String(contentsOf: report, encoding: .utf8).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
        }
        let stub = records.first { ($0["path"] as? String)?.hasSuffix("stub.html") == true }
        #expect(stub?["status"] as? String == "error")
        #expect((stub?["error"] as? String)?.contains("cannot write the output") == true)
        #expect(!files(under: root).contains { $0.hasSuffix(".tmp") })
    }

    @Test func jobCountDoesNotChangeTheBytes() throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(at: root) }
        let pages = root.appendingPathComponent("pages").path
        let one = try encx(["convert", pages, "--jobs", "1", "--quiet"])
        let four = try encx(["convert", pages, "--jobs", "4", "--quiet"])
        #expect(one.status == 1 && four.status == 1)
        #expect(!one.stdout.isEmpty)
        #expect(one.stdout == four.stdout)
        let lines = one.stdoutText.split(separator: "\n")
        #expect(lines.count == 6, "JSON Lines: one line per input, failures included")
        #expect(lines.first?.contains("\"input\":") == true)
        #expect(one.stdoutText.contains("\"errorCode\":\"not-html\""))
    }

    /// Found by FuzzEncoding: libxml2 printed "encoding error : input conversion failed …" to standard
    /// error for each page its converter rejected a byte of (0x98 is undefined in windows-1251).
    @Test func aRejectedByteIsCountedNotPrinted() throws {
        let page = "<html><head><meta charset=\"windows-1251\"><title>T</title></head><body><h1>T</h1><p>\u{98}</p></body></html>"
        let bytes = Array(page.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
        let result = try encx(["convert", "-", "--quiet"], stdin: Data(bytes))
        #expect(result.status == 0)
        #expect(result.stdoutText.contains("encoding-repaired"))
        #expect(!result.stderr.contains("encoding error"), "stderr: \(result.stderr)")
    }

    @Test func oneJSONLinesFileAndMarkdownAndText() throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(at: root) }
        let all = root.appendingPathComponent("all.jsonl")
        let lines = try encx(["convert", root.appendingPathComponent("pages/a/b").path, root.appendingPathComponent("pages/stub.html").path,
                              "--format", "jsonl", "--output", all.path, "--quiet"])
        #expect(lines.status == 0)
        #expect(try String(contentsOf: all, encoding: .utf8).split(separator: "\n").count == 2)
        let markdown = try encx(["convert", fixtures.appendingPathComponent("tables-definitions.html").path, "--format", "markdown"])
        #expect(markdown.stdoutText.hasPrefix("# Kessel Valley Railway\n"))
        #expect(markdown.stdoutText.contains("| Station | Distance (km) | Opened | Facilities |"))
        #expect(markdown.stdoutText.contains("Goods yard<br>Engine shed"))
        let text = try encx(["convert", fixtures.appendingPathComponent("stub-lead-only.html").path, "--format", "text"])
        #expect(text.stdoutText.hasPrefix("Hollin Cross\n\nHollin Cross is a hamlet"))
    }

    @Test func standardInput() throws {
        let page = try Data(contentsOf: fixtures.appendingPathComponent("seed-anti-party-group.html"))
        let result = try encx(["convert", "-"], stdin: page)
        #expect(result.status == 0)
        let article = try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any]
        #expect(article?["title"] as? String == "Anti-Party Group")
    }

    @Test(arguments: [
        (["convert", "--jobs", "0", "Fixtures"], "--jobs must be at least 1"),
        (["convert", "no/such/page.html"], "No such file or directory: no/such/page.html"),
        (["convert", "--no-such-flag", "Fixtures"], "--no-such-flag"),
        (["convert"], "Missing expected argument"),
    ])
    func usageErrorsExitWithTwo(arguments: [String], message: String) throws {
        let result = try encx(arguments, in: repositoryRoot)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func ineffectiveOptionsAreWarnedAbout() throws {
        let result = try encx(["convert", fixtures.appendingPathComponent("stub-lead-only.html").path, "--skip-existing"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("--skip-existing does nothing without --output"))
    }

    @Test func skipExistingResumesABatch() throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("out")
        let pages = root.appendingPathComponent("pages").path
        _ = try encx(["convert", pages, "--output", output.path, "--quiet"])
        try FileManager.default.removeItem(at: output.appendingPathComponent("a/seed.json"))
        let report = root.appendingPathComponent("again.jsonl")
        let again = try encx(["convert", pages, "--output", output.path, "--skip-existing", "--report", report.path])
        #expect(files(under: output).contains("a/seed.json"))
        let records = try String(contentsOf: report, encoding: .utf8).split(separator: "\n")
        #expect(records.count == 6)
        let skipped = records.filter { $0.contains("\"status\":\"skipped\"") }
        #expect(skipped.count == 3)
        #expect(skipped.allSatisfy { $0.contains("\"bytes\":0") }, "a page that is up to date is not read: \(skipped)")
        #expect(again.stderr.contains("3 skipped"))
    }

    @Test func aKilledBatchLeavesOnlyCompleteFilesAndResumes() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let pages = root.appendingPathComponent("pages")
        let family = try FileManager.default.contentsOfDirectory(atPath: fixtures.path)
            .filter { $0.hasSuffix(".html") && !$0.hasPrefix("mediawiki") }.sorted()
        let total = 400
        for index in 0..<total {
            try copyFixture(family[index % family.count], to: pages.appendingPathComponent(String(format: "p%03d.html", index)))
        }
        let output = root.appendingPathComponent("out")

        // Start a batch and kill it with SIGKILL once some outputs exist.
        let process = Process()
        process.executableURL = encxBinary
        process.arguments = ["convert", pages.path, "--output", output.path, "--jobs", "2", "--quiet"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        func finished() -> [String] { files(under: output).filter { !$0.hasPrefix(".") && $0.hasSuffix(".json") } }
        let giveUp = Date().addingTimeInterval(120)
        while finished().count < 20 && process.isRunning && Date() < giveUp { usleep(10_000) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the batch finished before it could be killed")

        // Every output present is a complete article.
        let complete = finished()
        #expect(complete.count >= 20 && complete.count < total)
        for name in complete {
            let data = try Data(contentsOf: output.appendingPathComponent(name))
            let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            #expect(object?["title"] is String, "\(name) is not a complete article")
        }

        // Resume: the rest is converted, leftovers are swept, the report names every input once.
        let report = root.appendingPathComponent("report.jsonl")
        let again = try encx(["convert", pages.path, "--output", output.path, "--skip-existing", "--report", report.path])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(files(under: output) == (0..<total).map { String(format: "p%03d.json", $0) }, "no temporary files are left")
        let records = try String(contentsOf: report, encoding: .utf8).split(separator: "\n")
            .compactMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let paths = records.compactMap { $0["path"] as? String }
        #expect(paths.count == total && Set(paths).count == total)
        #expect(records.filter { $0["status"] as? String == "skipped" }.count == complete.count)
        #expect(records.allSatisfy { ["ok", "warning", "skipped"].contains($0["status"] as? String ?? "") })
    }

    @Test func decompressionHasItsOwnLimit() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent("seed.html.gz")
        try gzip(fixtures.appendingPathComponent("seed-anti-party-group.html"), to: page)
        let refused = try encx(["convert", page.path, "--max-decompressed-size", "1000"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("inflates past the limit of 1000 bytes"))
        let accepted = try encx(["convert", page.path, "--max-decompressed-size", "10000000", "--quiet"])
        #expect(accepted.status == 0)
        let bomb = try encx(["convert", fixtures.appendingPathComponent("hostile/gzip-bomb.html.gz").path])
        #expect(bomb.status == 1)
        #expect(bomb.stderr.contains("inflates past the limit of 67108864 bytes"))
    }

    @Test func temporaryNamesOfDeadWritersAreRecognised() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // A pid far above any live process (pid_max is at most 4,194,304) stands for a dead run.
        let stale = directory.appendingPathComponent(".p001.json.encx-4999999-1A2B3C4D.tmp")
        let live = directory.appendingPathComponent(".p002.json.encx-\(getpid())-1A2B3C4D.tmp")
        let page = directory.appendingPathComponent("p003.html")
        for file in [stale, live] { try Data("{".utf8).write(to: file) }
        try copyFixture("stub-lead-only.html", to: page)
        let result = try encx(["convert", page.path, "--output", directory.path])
        #expect(result.stderr.contains("removed 1 unfinished temporary file"))
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        #expect(FileManager.default.fileExists(atPath: live.path), "a live writer's file is kept")
    }

    @Test func helpAndVersion() throws {
        let version = try encx(["--version"])
        #expect(version.status == 0)
        #expect(version.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == false)
        let help = try encx(["help", "convert"])
        #expect(help.status == 0)
        #expect(help.stdoutText.contains("Examples:"))
        #expect(help.stdoutText.contains("--skip-existing"))
    }

    @Test func inspectShowsFindingsAndRemovals() throws {
        let result = try encx(["inspect", fixtures.appendingPathComponent("seed-anti-party-group.html").path])
        #expect(result.status == 0)
        for part in ["Title:    Anti-Party Group", "Table of contents vs body", "✗ no heading", "licence block (kept as metadata)",
                     "outside the article's container", "toc-heading-missing", "9785264005053"]
        {
            #expect(result.stdoutText.contains(part), "\(part) missing from inspect")
        }
        #expect(!result.stdoutText.contains("\u{1B}["), "no colour when not a terminal")
    }
}
