import ArgumentParser
import EncyclopediaExtractor
import Foundation

struct Dedupe: ParsableCommand {
    static let configuration = CommandConfiguration(
        // Named here: ArgumentParser derives a missing name from the type's name at every start-up
        // (String(describing:) and a conformance search: 3 M instructions, an eighth of the start-up).
        commandName: "dedupe",
        abstract: "Group copies of the same article (from several mirrors) into clusters and choose the copy to keep.",
        discussion: """
            Prints one JSON line per article, in input order: {"input", "record" (WARC records only), "url", "site", "title", "cluster", "canonical"}. Articles whose prose has the same content hash, or whose fingerprints agree in at least --threshold of their values (an estimate of the share of four-word shingles they have in common), are in one cluster; the canonical copy is the most complete one (most sections, then references, valid ISBNs and prose, fewest repair warnings; ties go to the smaller input name). The cluster id is the first 16 hex digits of the canonical copy's contentHash. A summary goes to standard error.

            Inputs are pages, folders and WARC files (converted on the way, like encx convert), JSON Lines files of articles (.jsonl, as encx convert --format jsonl writes them), or - for JSON Lines on standard input. With --records, JSON Lines inputs hold dedupe records instead of articles (the Spark job writes them).

            With --format and --canonical, the canonical articles are also written: as JSON Lines into one file (jsonl), or one file per cluster named CLUSTER.json, .md or .txt into a folder.

            Examples:
              encx dedupe crawl/ > clusters.jsonl
              encx convert crawl/ --format jsonl | encx dedupe - --threshold 0.6
              encx dedupe crawl/ --format jsonl --canonical kept.jsonl --output clusters.jsonl
              encx dedupe crawl.warc.gz --format markdown --canonical kept/
            """
    )

    @Argument(help: "Pages, folders or WARC files (converted on the way), JSON Lines files of articles (.jsonl), or - for JSON Lines on standard input.")
    var inputs: [String]

    @Option(help: "The least share of fingerprint values two articles must agree in to be copies of one article (0.05–1).")
    var threshold: Double = Deduplicator.defaultThreshold

    @Option(name: .shortAndLong, help: "Write the cluster lines to this file instead of standard output.")
    var output: String?

    @Option(name: .shortAndLong, help: "Also write the canonical articles, as json, jsonl, markdown or text (needs --canonical).")
    var format: OutputFormat?

    @Option(help: "Where the canonical articles go: a .jsonl file for --format jsonl, else a folder (one file per cluster).")
    var canonical: String?

    @Flag(help: "JSON Lines inputs hold dedupe records ({input, fingerprint, contentHash, completeness, …}) instead of articles.")
    var records = false

    @Option(help: "File names to take from folders (shell pattern, e.g. '*.htm*').")
    var glob: String?

    @Option(name: .shortAndLong, parsing: .unconditional, help: "Pages converted in parallel (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .shortAndLong, help: "No summary (errors are still printed).")
    var quiet = false

    func validate() throws {
        if !(threshold >= 0.05 && threshold <= 1) { throw ValidationError("--threshold must be between 0.05 and 1 (got \(threshold)).") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1 (got \(jobs)).") }
        if format != nil && canonical == nil { throw ValidationError("--format writes the canonical articles: give --canonical PATH (a .jsonl file, or a folder).") }
        if inputs.filter({ $0 == "-" }).count > 1 { throw ValidationError("'-' (standard input) can be given only once.") }
        if records && format != nil { throw ValidationError("--records inputs hold no articles to write; leave out --format.") }
    }

    func run() throws {
        let started = ContinuousClock.now
        for input in inputs where input != "-" && !FileManager.default.fileExists(atPath: input) {
            throw ValidationError("No such file or directory: \(input). Give existing pages, folders or .jsonl files, or - for standard input.")
        }
        let format = canonical != nil ? (self.format ?? .jsonl) : nil
        var collector = try DedupeCollector(threshold: threshold, format: format, spoolBeside: canonical)
        defer { collector.removeSpool() }

        for group in try inputGroups() {
            switch group {
            case let .pages(batch):
                collector.convert(batch, jobs: jobs)
            case let .lines(path):
                try collector.readLines(path: path, records: records)
            }
        }

        let result = collector.deduplicator.run()
        do {
            try writeClusterLines(collector: collector, result: result)
            if let format, let canonical { try collector.writeCanonical(result: result, format: format, to: canonical) }
        } catch {
            printError("encx: error: cannot write the output: \(error.localizedDescription)")
            throw ExitCode(1)
        }
        if !quiet {
            let seconds = Double((ContinuousClock.now - started) / .milliseconds(1)) / 1000
            func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
            var line = "encx: dedupe: \(counted(result.members.count, "article")), \(counted(result.clusters, "cluster")), "
                + "\(counted(result.duplicates, "duplicate")) removed"
            line += String(format: " (threshold %.2f, %d values per band, %d candidate pairs) in %.2f s", result.threshold, result.rowsPerBand,
                           result.candidatePairs, seconds)
            if collector.failed > 0 { line += "; \(collector.failed) input(s) or record(s) failed" }
            printError(line)
        }
        if collector.failed > 0 { throw ExitCode(1) }
    }

    enum InputGroup {
        case pages([BatchInput])
        case lines(String)
    }

    /// The inputs in the order given: runs of pages (one batch each) and JSON Lines files.
    private func inputGroups() throws -> [InputGroup] {
        var groups: [InputGroup] = []
        var pages: [BatchInput] = []
        func flush() {
            if !pages.isEmpty { groups.append(.pages(pages)) }
            pages = []
        }
        for input in inputs {
            let lowered = input.lowercased()
            if input == "-" || lowered.hasSuffix(".jsonl") || lowered.hasSuffix(".ndjson") {
                flush()
                groups.append(.lines(input))
                continue
            }
            do {
                let found = try BatchInput.collect([input], glob: glob)
                for note in found.notes { printError("encx: note: \(note)") }
                pages += found.inputs
            } catch {
                printError("encx: error: \(error)")
                throw ExitCode(2)
            }
        }
        flush()
        if groups.isEmpty { printError("encx: warning: no pages found in \(inputs.joined(separator: ", "))") }
        return groups
    }

    private func writeClusterLines(collector: DedupeCollector, result: DedupeResult) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let file = try output.map { try StreamingAtomicFile(url: URL(fileURLWithPath: $0)) }
        do {
            var buffer = Data()
            for (index, member) in result.members.enumerated() {
                let info = collector.info[index]
                buffer += try encoder.encode(ClusterLine(input: info.input, record: info.record, url: info.url, site: info.site,
                                                         title: info.title, cluster: member.cluster, canonical: member.isCanonical))
                buffer.append(0x0A)
                if buffer.count > 1 << 16 {
                    if let file { try file.write(buffer) } else { FileHandle.standardOutput.write(buffer) }
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            if let file { try file.write(buffer) } else { FileHandle.standardOutput.write(buffer) }
            try file?.commit()
        } catch {
            file?.discard()
            throw error
        }
    }
}

/// A line of `encx dedupe`'s output.
private struct ClusterLine: Encodable {
    let input: String
    let record: String?
    let url: String?
    let site: String?
    let title: String?
    let cluster: String
    let canonical: Bool

    private enum CodingKeys: String, CodingKey { case input, record, url, site, title, cluster, canonical }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(input, forKey: .input)
        try container.encodeIfPresent(record, forKey: .record)
        try container.encode(url, forKey: .url)
        try container.encode(site, forKey: .site)
        try container.encode(title, forKey: .title)
        try container.encode(cluster, forKey: .cluster)
        try container.encode(canonical, forKey: .canonical)
    }
}

/// What `encx dedupe` keeps of each article while it reads: its record in the deduplicator, where it
/// came from, and (with --format) where its rendered output sits in a spool file.
struct DedupeCollector {
    struct Info {
        var input: String
        var record: String?
        var url: String?
        var site: String?
        var title: String?
        /// The rendered article's place in the spool.
        var spooled: Range<UInt64>?
    }

    var deduplicator: Deduplicator
    var info: [Info] = []
    var failed = 0
    let format: OutputFormat?
    private var spool: (url: URL, handle: FileHandle, size: UInt64)?

    init(threshold: Double, format: OutputFormat?, spoolBeside canonical: String?) throws {
        deduplicator = Deduplicator(threshold: threshold)
        self.format = format
        if format != nil, let canonical {
            // The spool sits beside the canonical output (same disk), under a name a dead run's sweep finds.
            var directory = URL(fileURLWithPath: canonical)
            if format == .jsonl { directory = directory.deletingLastPathComponent() }
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let url = directory.appendingPathComponent(".dedupe-spool.encx-\(getpid())-\(UUID().uuidString.prefix(8)).tmp", isDirectory: false)
            guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                throw ValidationError("cannot create a temporary file in \(directory.path)")
            }
            spool = (url, try FileHandle(forUpdating: url), 0)
        }
    }

    func removeSpool() {
        if let spool {
            try? spool.handle.close()
            unlink(spool.url.path)
        }
    }

    /// Renders an article the way --format writes it.
    static func render(_ article: Article, input: String, record: WARCRecordInfo?, format: OutputFormat) throws -> Data {
        switch format {
        case .jsonl:
            var members = [(name: "input", json: ArticleJSON.quoted(input))]
            if let record { members.append((name: "warc", json: [UInt8](try compactEncoder().encode(record)))) }
            return try ArticleJSON.line(article, adding: members, endingWithNewline: true)
        case .json: return try ArticleJSON.pretty(article)
        case .markdown: return Data(MarkdownRenderer.render(article).utf8)
        case .text: return Data(PlainTextRenderer.render(article).utf8)
        }
    }

    private mutating func add(_ record: DedupeRecord, rendered: Data?) throws {
        var spooled: Range<UInt64>?
        if let rendered, let current = spool {
            try current.handle.write(contentsOf: rendered)
            let end = current.size + UInt64(rendered.count)
            spooled = current.size..<end
            spool?.size = end
        }
        deduplicator.add(record.digest, key: record.key)
        info.append(Info(input: record.input, record: record.record, url: record.url, site: record.site, title: record.title,
                         spooled: spooled))
    }

    /// Converts pages and WARC files, keeping each article's record (and rendered output).
    mutating func convert(_ inputs: [BatchInput], jobs: Int) {
        let format = format
        let converter = BatchConverter(options: BatchOptions(jobs: jobs))
        var writeError: (any Error)?
        converter.run(inputs, prepare: { extraction, context -> (DedupeRecord, Data?) in
            let article = extraction.article
            let record = DedupeRecord(article, input: context.input.name, record: context.record?.recordID)
            let rendered = try format.map { try Self.render(article, input: context.input.name, record: context.record, format: $0) }
            return (record, rendered)
        }) { (result: BatchResult<(DedupeRecord, Data?)>) -> Bool in
            switch result.outcome {
            case let .converted(output, _):
                do { try add(output.0, rendered: output.1) } catch {
                    writeError = error
                    return false
                }
            case let .failed(failure):
                failed += 1
                printError("encx: error: \(failure.message)")
            case .skipped, .filtered:
                break
            }
            return true
        }
        if let writeError {
            printError("encx: error: cannot write a temporary file: \(writeError.localizedDescription)")
            failed += 1
        }
    }

    /// Reads a JSON Lines file (or standard input) of articles, or of dedupe records.
    mutating func readLines(path: String, records: Bool) throws {
        let handle: FileHandle
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            do { handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path)) } catch {
                printError("encx: error: cannot read \(path): \(error.localizedDescription)")
                failed += 1
                return
            }
        }
        let decoder = JSONDecoder()
        var lineNumber = 0
        var reader = LineReader(handle: handle)
        while let line = reader.next() {
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            let place = "\(path == "-" ? "standard input" : path):\(lineNumber)"
            do {
                if records {
                    try add(try decoder.decode(DedupeRecord.self, from: line), rendered: nil)
                    continue
                }
                let extras = try decoder.decode(LineExtras.self, from: line)
                if let error = extras.error {
                    failed += 1
                    printError("encx: error: \(extras.input ?? place): \(error)")
                    continue
                }
                let article = try ArticleJSON.decode(line)
                let input = extras.input ?? place
                let rendered = try format.map { try Self.render(article, input: input, record: extras.warc, format: $0) }
                try add(DedupeRecord(article, input: input, record: extras.warc?.recordID), rendered: rendered)
            } catch let error as DecodingError {
                failed += 1
                printError("encx: error: \(place): not \(records ? "a dedupe record" : "an article") (\(Self.describe(error)))")
            }
        }
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case let .keyNotFound(key, _): "no \"\(key.stringValue)\""
        case let .typeMismatch(_, context), let .valueNotFound(_, context), let .dataCorrupted(context):
            context.codingPath.map(\.stringValue).joined(separator: ".") + (context.codingPath.isEmpty ? "" : ": ") + context.debugDescription
        @unknown default: "\(error)"
        }
    }

    /// Writes the canonical articles: JSON Lines into one file, or one file per cluster into a folder.
    func writeCanonical(result: DedupeResult, format: OutputFormat, to path: String) throws {
        guard let spool else { return }
        func bytes(of index: Int) throws -> Data? {
            guard let range = info[index].spooled else { return nil }
            try spool.handle.seek(toOffset: range.lowerBound)
            return try spool.handle.read(upToCount: Int(range.upperBound - range.lowerBound))
        }
        if format == .jsonl {
            let file = try StreamingAtomicFile(url: URL(fileURLWithPath: path))
            do {
                for (index, member) in result.members.enumerated() where member.isCanonical {
                    if let data = try bytes(of: index) { try file.write(data) }
                }
                try file.commit()
            } catch {
                file.discard()
                throw error
            }
            return
        }
        let directory = URL(fileURLWithPath: path, isDirectory: true)
        for (index, member) in result.members.enumerated() where member.isCanonical {
            if let data = try bytes(of: index) {
                try AtomicFile.write(data, to: directory.appendingPathComponent("\(member.cluster).\(format.fileExtension)", isDirectory: false))
            }
        }
    }
}

/// The members `encx convert` adds to an article's JSON line, and a failure line's error.
private struct LineExtras: Decodable {
    let input: String?
    let warc: WARCRecordInfo?
    let error: String?
}

/// Lines of a file read in blocks (a JSON Lines file can be larger than memory).
struct LineReader {
    let handle: FileHandle
    private var buffer = Data()
    private var start = 0
    private var finished = false

    init(handle: FileHandle) {
        self.handle = handle
    }

    mutating func next() -> Data? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                let line = buffer[start..<newline]
                start = newline + 1
                return Data(line)
            }
            if finished {
                guard start < buffer.endIndex else { return nil }
                let line = buffer[start...]
                start = buffer.endIndex
                return Data(line)
            }
            buffer.removeSubrange(..<start)
            start = buffer.startIndex
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { finished = true } else { buffer.append(chunk) }
        }
    }
}
