import Foundation
import Testing
@testable import EncyclopediaExtractor
import HTMLTree

private let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
private let fixtures = repository.appendingPathComponent("Fixtures")

/// A folder of two pages, an empty page and a PNG named .html.
private func makeFolder() throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("batch-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root.appendingPathComponent("b"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: fixtures.appendingPathComponent("no-toc.html"), to: root.appendingPathComponent("a.html"))
    try FileManager.default.copyItem(at: fixtures.appendingPathComponent("stub-lead-only.html"), to: root.appendingPathComponent("b/c.html"))
    try Data().write(to: root.appendingPathComponent("b/empty.html"))
    try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]).write(to: root.appendingPathComponent("b/picture.html"))
    try Data("notes".utf8).write(to: root.appendingPathComponent("notes.txt"))
    return root
}

/// What a result came to, for comparing runs.
private func summary(_ result: BatchResult<Extraction>) -> String {
    switch result.outcome {
    case let .converted(extraction, _): "\(result.input.relativePath): \(extraction.article.title)"
    case let .failed(failure): "\(result.input.relativePath): \(failure.code)"
    case .skipped: "\(result.input.relativePath): skipped"
    case let .filtered(reason): "\(result.input.relativePath): filtered \(reason)"
    }
}

@Suite struct BatchConverterTests {
    @Test func foldersWARCsAndBytesComeBackInInputOrderWithTypedFailures() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let collected = try BatchInput.collect([folder.path, fixtures.appendingPathComponent("archives/crawl.warc.gz").path])
        #expect(collected.inputs.map(\.relativePath) == ["a.html", "b/c.html", "b/empty.html", "b/picture.html", "crawl.warc.gz"])
        let inputs = collected.inputs + [.bytes(Array("<html><body><h1>Given</h1><p>A page handed over as bytes, long enough to be prose.</p></body></html>".utf8), name: "given")]
        for jobs in [1, 3] {
            var seen: [String] = []
            var indexes: [Int] = []
            let summaryOfRun = BatchConverter(options: BatchOptions(jobs: jobs)).run(inputs) { result in
                seen.append(summary(result))
                indexes.append(result.index)
                return true
            }
            #expect(indexes == Array(0..<seen.count))
            #expect(seen.prefix(4) == ["a.html: Ash roasting", "b/c.html: Hollin Cross", "b/empty.html: empty-input", "b/picture.html: not-html"])
            // The WARC file gives one result per HTML page it holds, in record order.
            #expect(seen.dropFirst(4).dropLast().allSatisfy { $0.hasPrefix("crawl.warc.gz: ") })
            #expect(seen.dropFirst(4).dropLast().count == 4, "\(seen)")
            #expect(seen.last == "given: Given")
            #expect(summaryOfRun.converted == 7 && summaryOfRun.failed == 2 && summaryOfRun.warcFiles == 1)
            #expect(summaryOfRun.warcStatistics.pages == 4)
        }
    }

    /// Folders are listed from their own records of what is a file and what a folder; links are
    /// followed (to a page, to a folder) and a link back to a folder already read, a broken link and
    /// hidden entries are left out, in name order.
    @Test func foldersAreListedWithLinksFollowedAndHiddenEntriesLeftOut() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let manager = FileManager.default
        try Data("<p>hidden</p>".utf8).write(to: folder.appendingPathComponent(".hidden.html"))
        try manager.createDirectory(at: folder.appendingPathComponent(".cache"), withIntermediateDirectories: true)
        try Data("<p>cached</p>".utf8).write(to: folder.appendingPathComponent(".cache/x.html"))
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("linked.html").path, withDestinationPath: "a.html")
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("d").path, withDestinationPath: "b")
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("b/up").path, withDestinationPath: "..")
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("broken.html").path, withDestinationPath: "gone.html")

        let entries = try FolderEntries.read(path: folder.path)
        #expect(entries.first { $0.name == "a.html" }?.isFolder == false)
        #expect(entries.first { $0.name == "b" }?.isFolder == true)
        #expect(entries.first { $0.name == "linked.html" }?.isFolder == nil)
        #expect(!entries.contains { $0.name == "." || $0.name == ".." })
        // What went wrong is the system's reason, read when the listing failed.
        let notFolder = #expect(throws: FileReadError.self) { try FolderEntries.read(path: folder.appendingPathComponent("a.html").path) }
        #expect(notFolder?.reason == "Not a directory")
        let missing = #expect(throws: FileReadError.self) { try FolderEntries.read(path: folder.appendingPathComponent("gone").path) }
        #expect(missing?.reason == "No such file or directory")

        let collected = try BatchInput.collect([folder.path])
        // A folder's pages come before its subfolders'; "d" is "b" again and "b/up" the folder itself:
        // each is read once.
        #expect(collected.inputs.map(\.relativePath) == ["a.html", "linked.html", "b/c.html", "b/empty.html", "b/picture.html"])
        #expect(collected.notes.count == 2, "\(collected.notes)")
    }

    @Test func theAsyncSequenceGivesTheSameResultsAndStopsWhenCancelled() async throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = try BatchInput.collect([folder.path]).inputs
        let converter = BatchConverter(options: BatchOptions(jobs: 2))
        var expected: [String] = []
        converter.run(inputs) { result in
            expected.append(summary(result))
            return true
        }
        var streamed: [String] = []
        for await result in converter.results(for: inputs) { streamed.append(summary(result)) }
        #expect(streamed == expected)

        // Many inputs, one read: cancelling the task ends the sequence early.
        let many = Array(repeating: BatchInput.file(fixtures.appendingPathComponent("seed-anti-party-group.html").path), count: 400)
        let task = Task {
            var count = 0
            for await _ in converter.results(for: many) {
                count += 1
                if count == 3 { withUnsafeCurrentTask { $0?.cancel() } }
            }
            return count
        }
        let count = await task.value
        #expect(count >= 3 && count < 400, "\(count)")
    }

    @Test func skipAndFiltersAreAppliedBeforeAndAfterExtraction() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = try BatchInput.collect([folder.path]).inputs.prefix(2)
        let options = BatchOptions(jobs: 2, urlFilter: { $0?.contains("no-such-site") ?? false },
                                   skip: { $0.relativePath == "b/c.html" })
        var seen: [String] = []
        BatchConverter(options: options).run(Array(inputs)) { result in
            seen.append(summary(result))
            return true
        }
        #expect(seen == ["a.html: filtered url", "b/c.html: skipped"])
    }

    @Test func aHandlerThatSaysStopStopsTheBatch() throws {
        let many = Array(repeating: BatchInput.file(fixtures.appendingPathComponent("no-toc.html").path), count: 200)
        var handled = 0
        let summary = BatchConverter(options: BatchOptions(jobs: 2)).run(many) { _ in
            handled += 1
            return handled < 5
        }
        #expect(handled == 5)
        #expect(summary.stopped)
    }
}

@Suite struct ArchiveInputRefusalTests {
    @Test func aWARCGivenAsOnePageIsRefusedWithAWayToReadIt() throws {
        let extractor = Extractor()
        for name in ["crawl.warc.gz", "crawl-plain.warc"] {
            let url = fixtures.appendingPathComponent("archives/\(name)")
            #expect(throws: ExtractionError.warcArchive(input: url.path)) { try extractor.extract(fileAt: url) }
            // Whatever it is called: the bytes tell.
            let bytes = try Data(contentsOf: url)
            #expect(throws: ExtractionError.warcArchive(input: "piped")) { try extractor.extract(html: bytes, input: "piped") }
        }
        let error = ExtractionError.warcArchive(input: "x")
        #expect(error.code == .warcArchive)
        #expect(error.description.contains("WARCReader"))
    }

    @Test func theWARCReaderIsASequenceOfItsRecords() throws {
        var pages = 0
        for item in try WARCReader(path: fixtures.appendingPathComponent("archives/crawl.warc.gz").path) {
            if case .page = item { pages += 1 }
        }
        #expect(pages == 4)
    }
}

@Suite struct CodeTests {
    /// Every warning code the extractor writes is a named constant, documented in the README.
    @Test func everyWarningCodeIsNamedAndDocumented() throws {
        let readme = try String(contentsOf: repository.appendingPathComponent("README.md"), encoding: .utf8)
        for code in WarningCode.all { #expect(readme.contains("`\(code.rawValue)`"), "\(code)") }
        #expect(Set(WarningCode.all).count == WarningCode.all.count)
        let warning = Warning(code: .licenseMissing, message: "m")
        #expect(warning.code == "license-missing")
        let decoded = try JSONDecoder().decode(Warning.self, from: Data(#"{"code":"some-new-code","message":"m"}"#.utf8))
        #expect(decoded.code.rawValue == "some-new-code")
    }
}
