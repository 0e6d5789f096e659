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

/// A JSON Lines record: the article's fields plus the input it came from.
private struct ArticleLine: Encodable {
    let input: String
    let article: Article

    private enum Key: String, CodingKey { case input }

    func encode(to encoder: any Encoder) throws {
        try article.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(input, forKey: .input)
    }
}

/// A JSON Lines record for an input that failed.
private struct FailureLine: Encodable {
    let input: String
    let error: String
    let errorCode: String
}

/// A `--report` record.
private struct ReportLine: Encodable {
    let path: String
    let status: String
    let error: String?
    let warnings: [String]
    let bytes: Int
    let milliseconds: Int

    private enum CodingKeys: String, CodingKey { case path, status, error, warnings, bytes, milliseconds }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
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

            Examples:
              encx convert page.html
              encx convert page.html --format markdown > page.md
              cat page.html | encx convert -
              encx convert saved/ --output articles/ --jobs 4 --report report.jsonl
              encx convert saved/ --output articles/ --skip-existing      # resume an interrupted batch
              encx convert crawl/ --glob '*.htm*' --format jsonl --output all.jsonl
            """
    )

    @Argument(help: "Pages (.html, .htm, .xhtml, .shtml, optionally .gz), folders (read recursively), or - for standard input.")
    var inputs: [String]

    @Option(name: .shortAndLong, help: "A folder for one output per input, or a .jsonl file with --format jsonl.")
    var output: String?

    @Option(name: .shortAndLong, help: "json, jsonl, markdown or text.")
    var format: OutputFormat = .json

    @Option(help: "File names to take from folders (shell pattern, e.g. '*.htm*'). Default: the page extensions above.")
    var glob: String?

    @Option(name: .shortAndLong, help: "Pages converted in parallel (default: the number of cores).")
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

    @Flag(help: "Let libxml2 build trees nested deeper than 256 levels (HTML_PARSE_HUGE).")
    var allowDeepNesting = false

    @Option(help: "Give up on a page after this many seconds (it is reported as failed and the batch goes on); 0 for no limit.")
    var timeLimit: Double = Double(ExtractionOptions.defaultTimeLimit.components.seconds)

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1 (got \(jobs)); leave it out to use every core.") }
        if maxInputSize < 1 { throw ValidationError("--max-input-size must be a positive number of bytes.") }
        if !(timeLimit >= 0) || !timeLimit.isFinite { throw ValidationError("--time-limit must be a number of seconds, 0 for no limit (got \(timeLimit)).") }
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
        let extractor = Extractor(ExtractionOptions(parse: parse, timeLimit: timeLimit > 0 ? .milliseconds(Int64((timeLimit * 1000).rounded(.up))) : nil))
        // Several pages on standard output are always JSON Lines.
        let format: OutputFormat
        if case .standardOutput(lines: true) = mode { format = .jsonl } else { format = self.format }
        let skipExisting = self.skipExisting

        let runner = BatchRunner(items: items, jobs: jobs) { index, item in
            Self.convert(index: index, item: item, extractor: extractor, format: format, mode: mode, skipExisting: skipExisting)
        }
        let progress = ProgressLine(total: items.count, enabled: !quiet && isatty(STDERR_FILENO) == 1)
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
        runner.run(tick: { progress.draw() }) { outcome in
            progress.record(outcome.status)
            if outcome.status == .error, let message = outcome.errorMessage {
                progress.clear()
                printError("encx: error: \(message)")
            }
            do {
                if let data = outcome.output {
                    switch mode {
                    case .standardOutput: stdout.write(data)
                    case .oneFile: try linesFile?.write(data)
                    case .perFile: break
                    }
                }
                if let reportFile {
                    let line = ReportLine(path: outcome.item.displayPath, status: outcome.status.rawValue, error: outcome.errorMessage,
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
            try linesFile?.commit()
            try reportFile?.commit()
        } catch {
            linesFile?.discard()
            reportFile?.discard()
            printError("encx: error: cannot finish writing: \(error.localizedDescription)")
            throw ExitCode(1)
        }
        if !quiet {
            var summary = progress.summary
            switch mode {
            case let .perFile(directory): summary += "; output in \(directory.path)"
            case let .oneFile(url): summary += "; output in \(url.path)"
            case .standardOutput: break
            }
            printError(summary)
        }
        if progress.failed > 0 || progress.done < items.count { throw ExitCode(1) }
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
            return .standardOutput(lines: format == .jsonl || items.count > 1)
        }
        if format == .jsonl { return .oneFile(URL(fileURLWithPath: output)) }
        let directory = URL(fileURLWithPath: output)
        var seen: [String: String] = [:]
        for item in items {
            let path = Self.outputPath(for: item, format: format)
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
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = String(name[..<dot]) }
        components.append(name + "." + format.fileExtension)
        return components.joined(separator: "/")
    }

    static func render(_ article: Article, format: OutputFormat, input: String?) throws -> Data {
        switch format {
        case .json:
            return try ArticleJSON.pretty(article)
        case .jsonl:
            var data = try compactEncoder().encode(ArticleLine(input: input ?? "-", article: article))
            data.append(0x0A)
            return data
        case .markdown:
            return Data(MarkdownRenderer.render(article).utf8)
        case .text:
            return Data(PlainTextRenderer.render(article).utf8)
        }
    }

    static func convert(index: Int, item: InputItem, extractor: Extractor, format: OutputFormat, mode: OutputMode,
                        skipExisting: Bool) -> PageOutcome
    {
        let started = DispatchTime.now()
        func elapsed() -> Int { Int((DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000) }
        var bytes: [UInt8] = []
        func failure(_ message: String, code: String) -> PageOutcome {
            // In JSON Lines output a failed input still gets its line.
            var output: Data?
            switch mode {
            case .standardOutput(lines: true), .oneFile:
                output = try? compactEncoder().encode(FailureLine(input: item.displayPath, error: message, errorCode: code)) + Data([0x0A])
            case .standardOutput(lines: false), .perFile:
                output = nil
            }
            return PageOutcome(index: index, item: item, status: .error, output: output, errorMessage: message,
                               warningCodes: [], bytes: bytes.count, milliseconds: elapsed())
        }
        var destination: URL?
        if case let .perFile(directory) = mode {
            let target = directory.appendingPathComponent(outputPath(for: item, format: format))
            destination = target
            if skipExisting, let source = item.url, isUpToDate(target, comparedWith: source) {
                return PageOutcome(index: index, item: item, status: .skipped, output: nil, errorMessage: nil,
                                   warningCodes: [], bytes: 0, milliseconds: elapsed())
            }
        }
        do throws(ExtractionError) {
            if let url = item.url {
                bytes = try Extractor.readPage(at: url, name: item.displayPath)
            } else {
                bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
            }
        } catch {
            return failure(error.description, code: error.code)
        }
        let article: Article
        do {
            article = try extractor.extractWithReport(html: bytes, url: nil, input: item.displayPath).article
        } catch {
            return failure(error.description, code: error.code)
        }
        let warnings = article.warnings.map(\.code)
        let status: PageOutcome.Status = warnings.isEmpty ? .ok : .warning
        do {
            let rendered = try render(article, format: format, input: item.displayPath)
            if let destination {
                try AtomicFile.write(rendered, to: destination)
                return PageOutcome(index: index, item: item, status: status, output: nil, errorMessage: nil,
                                   warningCodes: warnings, bytes: bytes.count, milliseconds: elapsed())
            }
            return PageOutcome(index: index, item: item, status: status, output: rendered, errorMessage: nil,
                               warningCodes: warnings, bytes: bytes.count, milliseconds: elapsed())
        } catch {
            return failure("\(item.displayPath): cannot write the output (\(error.localizedDescription))", code: "write-failed")
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
