import ArgumentParser
import EncyclopediaExtractor
import Foundation
import HTMLTree

/// Output formats of `encx convert`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case json, jsonl, markdown, text

    var fileExtension: String {
        switch self {
        case .json: "json"
        case .jsonl: "jsonl"
        case .markdown: "md"
        case .text: "txt"
        }
    }
}

/// A JSON Lines record for an input (or WARC record) that failed.
private struct FailureLine: Encodable {
    let input: String
    let warc: WARCRecordInfo?
    let error: String
    let errorCode: String
}

/// A `--report` record.
private struct ReportLine: Encodable {
    let path: String
    let record: String?
    let status: String
    let error: String?
    let warnings: [String]
    let bytes: Int
    let milliseconds: Int

    private enum CodingKeys: String, CodingKey { case path, record, status, error, warnings, bytes, milliseconds }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        try container.encodeIfPresent(record, forKey: .record)
        try container.encode(status, forKey: .status)
        try container.encode(error, forKey: .error)
        try container.encode(warnings, forKey: .warnings)
        try container.encode(bytes, forKey: .bytes)
        try container.encode(milliseconds, forKey: .milliseconds)
    }
}

func compactEncoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
}

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert saved pages (files, folders, or - for standard input) into articles.",
        discussion: """
            Without --output, one input prints its article on standard output and several inputs print
            JSON Lines (one article per line, each with its "input" path). With --output DIR, each input
            gets its own file under DIR, mirroring the input tree. With --format jsonl --output FILE,
            all articles go into one JSON Lines file. Files are written to a temporary name and renamed,
            so an interrupted run never leaves half a file.

            WARC files (.warc, .warc.gz: gzip per record or whole) are read record by record: every
            response record with an HTML payload (HTTP 200; chunked and gzip payloads decoded, the HTTP
            charset honoured) and every HTML resource record becomes an article whose JSON Lines record
            carries "warc": {targetURI, date, recordID, offset}; source.url is the target URI. Damaged
            records are reported and skipped. With --output DIR each WARC file gets one .jsonl file.
            MHTML files (.mht, .mhtml) are unpacked to their HTML part.

            Examples:
              encx convert page.html
              encx convert page.html --format markdown > page.md
              cat page.html | encx convert -
              encx convert saved/ --output articles/ --jobs 4 --report report.jsonl
              encx convert saved/ --output articles/ --skip-existing      # resume an interrupted batch
              encx convert crawl/ --glob '*.htm*' --format jsonl --output all.jsonl
              encx convert crawl.warc.gz --url-pattern 'worldlibrary\\.org/articles/' --family-only > articles.jsonl
              encx convert warcs/ --output articles/       # one .jsonl per WARC file
            """
    )

    @Argument(help: "Pages (.html, .htm, .xhtml, .shtml, optionally .gz; .mht, .mhtml), WARC files (.warc, .warc.gz), folders (read recursively), or - for standard input.")
    var inputs: [String]

    @Option(name: .shortAndLong, help: "A folder for one output per input, or a .jsonl file with --format jsonl.")
    var output: String?

    @Option(name: .shortAndLong, help: "json, jsonl, markdown or text.")
    var format: OutputFormat = .json

    @Option(help: "File names to take from folders (shell pattern, e.g. '*.htm*'). Default: the page extensions above.")
    var glob: String?

    @Option(name: .shortAndLong, help: "Pages converted in parallel (default: the number of cores). Page files are read ahead on one more thread; the main thread writes the outputs.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Skip inputs whose output file exists and is newer than the input (resume a batch).")
    var skipExisting = false

    @Option(help: "Write a JSON Lines record per input (path, status, error, warnings, bytes, milliseconds).")
    var report: String?

    @Flag(name: .shortAndLong, help: "No progress line and no summary (errors are still printed).")
    var quiet = false

    @Flag(help: "Stop at the first input that fails.")
    var failFast = false

    @Option(help: "Refuse pages larger than this many bytes (after decompression).")
    var maxInputSize: Int = ParseOptions.defaultMaximumInputSize

    @Option(help: "Refuse gzip data (a .gz page, a gzip HTTP payload) inflating past this many bytes (default: --max-input-size).")
    var maxDecompressedSize: Int?

    @Flag(help: "Let libxml2 build trees nested deeper than 256 levels (HTML_PARSE_HUGE).")
    var allowDeepNesting = false

    @Option(help: "Only pages whose URL matches this regular expression (a WARC record's target URI, else the article's source.url); others are counted as filtered.")
    var urlPattern: String?

    @Flag(help: "Only pages recognised as encyclopedia pages (World Library family or MediaWiki); others are counted as filtered.")
    var familyOnly = false

    @Option(help: "Give up on a page after this many seconds (it is reported as failed and the batch goes on); 0 for no limit.")
    var timeLimit: Double = Double(ExtractionOptions.defaultTimeLimit.components.seconds)

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1 (got \(jobs)); leave it out to use every core.") }
        if maxInputSize < 1 { throw ValidationError("--max-input-size must be a positive number of bytes.") }
        if let maxDecompressedSize, maxDecompressedSize < 1 { throw ValidationError("--max-decompressed-size must be a positive number of bytes.") }
        if !(timeLimit >= 0) || !timeLimit.isFinite { throw ValidationError("--time-limit must be a number of seconds, 0 for no limit (got \(timeLimit)).") }
        if let urlPattern {
            do { _ = try URLPattern(urlPattern) } catch { throw ValidationError("--url-pattern '\(urlPattern)' is not a valid regular expression.") }
        }
        if inputs.filter({ $0 == "-" }).count > 1 { throw ValidationError("'-' (standard input) can be given only once.") }
        for input in inputs where input != "-" && !FileManager.default.fileExists(atPath: input) {
            throw ValidationError("No such file or directory: \(input). Give existing pages or folders, or - for standard input.")
        }
        if let output, format == .jsonl {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory), isDirectory.boolValue {
                throw ValidationError("--format jsonl writes one file; --output \(output) is a folder. Name a .jsonl file instead.")
            }
        }
    }

    func run() throws {
        let collected: (items: [InputItem], notes: [String])
        do {
            collected = try InputCollector.collect(inputs, glob: glob)
        } catch {
            printError("encx: error: \(error)")
            throw ExitCode(2)
        }
        for note in collected.notes { printError("encx: note: \(note)") }
        let items = collected.items
        warnAboutIneffectiveOptions()
        if items.isEmpty {
            printError("encx: warning: no pages found in \(inputs.joined(separator: ", "))" + (glob.map { " matching '\($0)'" } ?? ""))
            return
        }

        let mode = try outputMode(items: items)
        if items.contains(where: \.isWARC) && (format == .markdown || format == .text) {
            printError("encx: note: WARC files are written as JSON Lines whatever --format says (one line per record).")
        }
        // Files an interrupted earlier run was writing when it died.
        var unfinished = 0
        switch mode {
        case let .perFile(directory): unfinished = UnfinishedFiles.sweep(directory, recursive: true)
        case let .oneFile(url): unfinished = UnfinishedFiles.sweep(url.deletingLastPathComponent(), recursive: false)
        case .standardOutput: break
        }
        if let report { unfinished += UnfinishedFiles.sweep(URL(fileURLWithPath: report).deletingLastPathComponent(), recursive: false) }
        if unfinished > 0 && !quiet {
            printError("encx: note: removed \(unfinished) unfinished temporary file(s) left by an interrupted run")
        }
        let parse = ParseOptions(maximumInputSize: maxInputSize, allowsDeepNesting: allowDeepNesting)
        let extractor = Extractor(ExtractionOptions(parse: parse, maximumDecompressedSize: maxDecompressedSize, timeLimit: timeLimit > 0 ? .milliseconds(Int64((timeLimit * 1000).rounded(.up))) : nil))
        // Several pages on standard output are always JSON Lines.
        let format: OutputFormat
        if case .standardOutput(lines: true) = mode { format = .jsonl } else { format = self.format }
        let settings = Settings(extractor: extractor, format: format, mode: mode, skipExisting: skipExisting,
                                urlPattern: try urlPattern.map(URLPattern.init), familyOnly: familyOnly)
        let source = WorkSource(items: items, urlPattern: settings.urlPattern) { item in settings.skips(item) }
        // Page files are read a few pages ahead of the workers, on a thread of their own.
        let readAhead = ReadAhead(items: items, wanted: { item in !item.isWARC && item.url != nil && !settings.skips(item) }) { item in
            guard let url = item.url else { return .failure(.unreadable(path: item.displayPath, reason: "standard input is read by the worker")) }
            do throws(ExtractionError) {
                return .success(try Extractor.readPage(at: url, name: item.displayPath, limit: settings.extractor.options.parse.maximumInputSize))
            } catch {
                return .failure(error)
            }
        }
        readAhead.start()
        defer { readAhead.stop() }
        let runner = BatchRunner(source: source, jobs: jobs) { index, unit in
            Self.convert(index: index, unit: unit, settings: settings, readAhead: readAhead)
        }
        let hasWARC = items.contains(where: \.isWARC)
        let progress = ProgressLine(total: hasWARC ? nil : items.count, enabled: !quiet && isatty(STDERR_FILENO) == 1)
        var reportFile: StreamingAtomicFile?
        var linesFile: StreamingAtomicFile?
        do {
            if let report { reportFile = try StreamingAtomicFile(url: URL(fileURLWithPath: report)) }
            if case let .oneFile(url) = mode { linesFile = try StreamingAtomicFile(url: url) }
        } catch {
            printError("encx: error: cannot create an output file: \(error.localizedDescription)")
            throw ExitCode(2)
        }
        let encoder = compactEncoder()
        let stdout = FileHandle.standardOutput
        var writeFailure: (any Error)?
        // With --output DIR, the records of one WARC file go into one .jsonl file, committed when the
        // next input starts (outcomes arrive in input order, so a WARC's records are contiguous).
        var warcFile: (path: String, file: StreamingAtomicFile)?
        func finishWARCFile() throws {
            guard let current = warcFile else { return }
            warcFile = nil
            try current.file.commit()
        }
        runner.run(tick: { progress.draw() }) { outcome in
            var outcome = outcome
            // Pages' own files are written here, as the stream outputs are: the workers go on to the
            // next page meanwhile.
            if let file = outcome.outputFile, let data = outcome.output {
                do {
                    try AtomicFile.write(data, to: file)
                } catch {
                    outcome = outcome.failed("\(outcome.item.displayPath): cannot write the output (\(error.localizedDescription))")
                }
            }
            progress.record(outcome.status)
            if outcome.status == .error, let message = outcome.errorMessage {
                progress.clear()
                printError("encx: error: \(message)")
            }
            do {
                if case .perFile = mode, warcFile?.path != outcome.item.displayPath { try finishWARCFile() }
                if let data = outcome.output, outcome.outputFile == nil {
                    switch mode {
                    case .standardOutput: stdout.write(data)
                    case .oneFile: try linesFile?.write(data)
                    case .perFile:
                        if warcFile == nil, let url = settings.outputFile(for: outcome.item) {
                            warcFile = (outcome.item.displayPath, try StreamingAtomicFile(url: url))
                        }
                        try warcFile?.file.write(data)
                    }
                }
                if let reportFile {
                    let line = ReportLine(path: outcome.item.displayPath, record: outcome.warc?.recordID, status: outcome.status.rawValue, error: outcome.errorMessage,
                                          warnings: outcome.warningCodes, bytes: outcome.bytes, milliseconds: outcome.milliseconds)
                    try reportFile.write(encoder.encode(line) + Data([0x0A]))
                }
            } catch {
                // A full disk or a vanished folder: stop rather than write an incomplete file.
                writeFailure = error
                return false
            }
            return !(failFast && outcome.status == .error)
        }
        progress.clear()
        do {
            if let writeFailure { throw writeFailure }
            try finishWARCFile()
            try linesFile?.commit()
            try reportFile?.commit()
        } catch {
            warcFile?.file.discard()
            linesFile?.discard()
            reportFile?.discard()
            printError("encx: error: cannot finish writing: \(error.localizedDescription)")
            throw ExitCode(1)
        }
        if !quiet {
            var summary = progress.summary
            if source.warcFiles > 0 {
                let counts = source.warcStatistics
                summary += "; \(source.warcFiles) WARC file\(source.warcFiles == 1 ? "" : "s"): \(counts.records) records, \(counts.pages) HTML pages, \(counts.ignored) not HTML, \(counts.damaged) damaged"
            }
            switch mode {
            case let .perFile(directory): summary += "; output in \(directory.path)"
            case let .oneFile(url): summary += "; output in \(url.path)"
            case .standardOutput: break
            }
            printError(summary)
        }
        if progress.failed > 0 || writeFailure != nil { throw ExitCode(1) }
    }

    /// Where outputs go.
    enum OutputMode: Sendable {
        /// One article on stdout, or JSON Lines for several inputs.
        case standardOutput(lines: Bool)
        /// One file per input under this folder.
        case perFile(URL)
        /// All articles as JSON Lines in this file.
        case oneFile(URL)
    }

    private func outputMode(items: [InputItem]) throws -> OutputMode {
        guard let output else {
            return .standardOutput(lines: format == .jsonl || items.count > 1 || items.contains(where: \.isWARC))
        }
        if format == .jsonl { return .oneFile(URL(fileURLWithPath: output)) }
        let directory = URL(fileURLWithPath: output)
        var seen: [String: String] = [:]
        for item in items {
            let path = Self.outputPath(for: item, format: item.isWARC ? .jsonl : format)
            if let other = seen[path] {
                throw ValidationError("\(other) and \(item.displayPath) would both be written to \(path); convert them in separate runs or from their common folder.")
            }
            seen[path] = item.displayPath
        }
        return .perFile(directory)
    }

    private func warnAboutIneffectiveOptions() {
        if skipExisting && (output == nil || format == .jsonl) {
            printError("encx: warning: --skip-existing does nothing without --output DIR (it compares per-page output files).")
        }
        if glob != nil && !inputs.contains(where: { input in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) && isDirectory.boolValue
        }) {
            printError("encx: warning: --glob only filters files found in folders; no folder was given.")
        }
    }

    /// The output path (relative to --output) for an input: its path in the input tree with the
    /// page extension (and any .gz) replaced by the format's. Never absolute, never with "..".
    static func outputPath(for item: InputItem, format: OutputFormat) -> String {
        var components = item.relativeOutput.split(separator: "/").map(String.init).filter { $0 != "." && $0 != ".." && !$0.isEmpty }
        if components.isEmpty { components = ["page"] }
        var name = components.removeLast()
        if name.lowercased().hasSuffix(".gz") { name.removeLast(3) }
        if name.lowercased().hasSuffix(".warc") {
            name.removeLast(5)
        } else if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            name = String(name[..<dot])
        }
        components.append(name + "." + format.fileExtension)
        return components.joined(separator: "/")
    }

    static func render(_ article: Article, format: OutputFormat, input: String?, warc: WARCRecordInfo? = nil) throws -> Data {
        switch format {
        case .json:
            return try ArticleJSON.pretty(article)
        case .jsonl:
            // The article's fields plus the input it came from (and its WARC record).
            var members = [(name: "input", json: ArticleJSON.quoted(input ?? "-"))]
            if let warc { members.append((name: "warc", json: [UInt8](try compactEncoder().encode(warc)))) }
            return try ArticleJSON.line(article, adding: members, endingWithNewline: true)
        case .markdown:
            return Data(MarkdownRenderer.render(article).utf8)
        case .text:
            return Data(PlainTextRenderer.render(article).utf8)
        }
    }

    /// What every worker needs, fixed for the run.
    struct Settings: Sendable {
        let extractor: Extractor
        let format: OutputFormat
        let mode: OutputMode
        let skipExisting: Bool
        let urlPattern: URLPattern?
        let familyOnly: Bool

        /// The input's own output file under --output DIR (a WARC file's records go to one .jsonl), or nil.
        func outputFile(for item: InputItem) -> URL? {
            guard case let .perFile(directory) = mode else { return nil }
            // With `isDirectory:` given, building the URL makes no system call (without it Foundation
            // stats the path, a directory lookup per page).
            return directory.appendingPathComponent(Convert.outputPath(for: item, format: item.isWARC ? .jsonl : format), isDirectory: false)
        }

        /// True when --skip-existing skips the input: its output file is newer than it.
        func skips(_ item: InputItem) -> Bool {
            guard skipExisting, let file = outputFile(for: item), let source = item.url else { return false }
            return Convert.isUpToDate(file, comparedWith: source)
        }
    }

    static func convert(index: Int, unit: WorkUnit, settings: Settings, readAhead: ReadAhead) -> PageOutcome {
        let item = unit.item
        let started = DispatchTime.now()
        func elapsed() -> Int { Int((DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000) }
        var bytes: [UInt8] = []
        func outcome(_ status: PageOutcome.Status, output: Data? = nil, file: URL? = nil, error: String? = nil, warnings: [String] = []) -> PageOutcome {
            PageOutcome(index: index, item: item, warc: unit.warc, status: status, output: output, outputFile: file, errorMessage: error,
                        warningCodes: warnings, bytes: bytes.count, milliseconds: elapsed())
        }
        // Records of a WARC file always become JSON Lines, handed to the caller to write in order.
        let linesOut: Bool
        switch settings.mode {
        case .standardOutput(lines: true), .oneFile: linesOut = true
        case .standardOutput(lines: false): linesOut = false
        case .perFile: linesOut = item.isWARC
        }
        func failure(_ message: String, code: String) -> PageOutcome {
            // In JSON Lines output a failed input still gets its line.
            let line = linesOut
                ? try? compactEncoder().encode(FailureLine(input: item.displayPath, warc: unit.warc, error: message, errorCode: code)) + Data([0x0A])
                : nil
            return outcome(.error, output: line, error: message)
        }

        // A page whose output is newer than it is skipped before it is read (--skip-existing resumes
        // a batch without reading what is done).
        // (A WARC file was judged whole when it was opened; its records are written to the stream.)
        let destination = item.isWARC ? nil : settings.outputFile(for: item)
        if !item.isWARC, settings.skips(item) { return outcome(.skipped) }

        var origin = PageOrigin()
        switch unit.content {
        case .upToDate:
            return outcome(.skipped)
        case let .filtered(_, reason):
            return outcome(.filtered, error: reason)
        case let .damaged(_, code, reason):
            return failure(reason, code: code)
        case let .record(page):
            bytes = page.html
            origin = PageOrigin(archivedPage: page)
        case let .file(input):
            do throws(ExtractionError) {
                if item.url != nil {
                    bytes = try readAhead.page(ofInput: input).get()
                } else {
                    bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
                    if bytes.starts(with: Array("WARC/".utf8)) {
                        return failure("-: standard input holds a WARC file; give its path (encx convert FILE.warc) so it is read record by record",
                                       code: "warc-on-stdin")
                    }
                }
            } catch {
                return failure(error.description, code: error.code)
            }
        }

        let extraction: Extraction
        do {
            extraction = try settings.extractor.extractWithReport(html: bytes, url: nil, input: item.displayPath, origin: origin)
        } catch {
            return failure(error.description, code: error.code)
        }
        let article = extraction.article
        let warnings = article.warnings.map(\.code)
        if let pattern = settings.urlPattern, unit.warc == nil, !pattern.matches(article.source.url) {
            return outcome(.filtered, error: "its URL does not match --url-pattern", warnings: warnings)
        }
        if settings.familyOnly, !extraction.isEncyclopediaPage {
            return outcome(.filtered, error: "not recognised as an encyclopedia page (--family-only)", warnings: warnings)
        }
        let status: PageOutcome.Status = warnings.isEmpty ? .ok : .warning
        do {
            let rendered = try render(article, format: linesOut ? .jsonl : settings.format, input: item.displayPath, warc: unit.warc)
            return outcome(status, output: rendered, file: destination, warnings: warnings)
        } catch {
            return failure("\(item.displayPath): cannot render the output (\(error.localizedDescription))", code: "render-failed")
        }
    }

    static func isUpToDate(_ output: URL, comparedWith input: URL) -> Bool {
        let manager = FileManager.default
        guard let outputDate = (try? manager.attributesOfItem(atPath: output.path))?[.modificationDate] as? Date,
            let inputDate = (try? manager.attributesOfItem(atPath: input.path))?[.modificationDate] as? Date
        else { return false }
        return outputDate >= inputDate
    }
}
