import ArgumentParser
import EncyclopediaExtractor
import Foundation

struct Convert: ParsableCommand {
    // The name is given, not derived: ArgumentParser derives it by reflection each time it asks.
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert saved pages (files, folders, or - for standard input) into articles.",
        // Paragraphs are single lines: the help printer wraps them to the terminal's width.
        discussion: """
            Without --output, one input prints its article on standard output and several inputs print JSON Lines (one article per line, each with its "input" path; Markdown and text need --output for several pages). With --output DIR, each input gets its own file under DIR, mirroring the input tree. With one page and --output FILE (an existing file, or a new name with an extension such as page.md), that file is written. With --format jsonl --output FILE, all articles go into one JSON Lines file. Files are written to a temporary name and renamed, so an interrupted run never leaves half a file.

            WARC files (.warc, .warc.gz: gzip per record or whole) are read record by record: every response record with an HTML payload (HTTP 200; chunked and gzip payloads decoded, the HTTP charset honoured) and every HTML resource record becomes an article whose JSON Lines record carries "warc": {targetURI, date, recordID, offset}; source.url is the target URI. Damaged records are reported and skipped. With --output DIR each WARC file gets one .jsonl file. MHTML files (.mht, .mhtml) are unpacked to their HTML part. A WARC file is read from its path, never from standard input.

            Examples:
              encx convert page.html
              encx convert page.html --format markdown -o page.md
              cat page.html | encx convert -
              encx convert saved/ --output articles/ --jobs 4 --report report.jsonl
              encx convert saved/ --output articles/ --skip-existing
              encx convert crawl/ --glob '*.htm*' --format jsonl --output all.jsonl
              encx convert crawl.warc.gz --family-only > articles.jsonl
              encx convert crawl.warc.gz --url-pattern 'worldlibrary\\.org/articles/'
              encx convert warcs/ --output articles/
            """
    )

    @Argument(help: "Pages (.html, .htm, .xhtml, .shtml, optionally .gz; .mht, .mhtml), WARC files (.warc, .warc.gz), folders (read recursively), or - for standard input.")
    var inputs: [String]

    @Option(name: .shortAndLong, help: "A folder for one output per input; a file for one page, or for all pages with --format jsonl.")
    var output: String?

    @Option(name: .shortAndLong, help: "json, jsonl, markdown or text.")
    var format: OutputFormat = .json

    @Option(help: "File names to take from folders (shell pattern, e.g. '*.htm*'). Default: the page extensions above.")
    var glob: String?

    // Parsed unconditionally, so "--jobs -1" reaches the validation (and its message) as a number.
    @Option(name: .shortAndLong, parsing: .unconditional,
            help: "Pages converted in parallel (default: the number of cores): the main thread (which also writes the outputs) and jobs - 1 worker threads. Page files are read ahead on one more thread.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Skip inputs whose output file exists and is newer than the input (resume a batch).")
    var skipExisting = false

    @Option(help: "Write a JSON Lines record per input (path, record, status, error, errorCode, warnings, bytes, milliseconds).")
    var report: String?

    @Flag(name: .shortAndLong, help: "No progress line and no summary (errors are still printed).")
    var quiet = false

    @Flag(help: "Stop at the first input that fails.")
    var failFast = false

    @Option(parsing: .unconditional, help: "Refuse pages larger than this many bytes (after decompression).")
    var maxInputSize: Int = ParseOptions.defaultMaximumInputSize

    @Option(parsing: .unconditional, help: "Refuse gzip data (a .gz page, a gzip HTTP payload) inflating past this many bytes (default: --max-input-size).")
    var maxDecompressedSize: Int?

    @Flag(help: "Let libxml2 build trees nested deeper than 256 levels (HTML_PARSE_HUGE).")
    var allowDeepNesting = false

    @Option(help: "Only pages whose URL matches this regular expression (a WARC record's target URI, else the article's source.url); others are counted as filtered.")
    var urlPattern: String?

    @Flag(help: "Only encyclopedia pages (the World Library family, a wiki, or a copy of one); others are counted as filtered.")
    var familyOnly = false

    @Option(parsing: .unconditional, help: "Give up on a page after this many seconds (it is reported as failed and the batch goes on); 0 for no limit.")
    var timeLimit: Double = Double(ExtractionOptions.defaultTimeLimit.components.seconds)

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1 (got \(jobs)); leave it out to use every core.") }
        if maxInputSize < 1 { throw ValidationError("--max-input-size must be a positive number of bytes (got \(maxInputSize)).") }
        if let maxDecompressedSize, maxDecompressedSize < 1 {
            throw ValidationError("--max-decompressed-size must be a positive number of bytes (got \(maxDecompressedSize)).")
        }
        if !(timeLimit >= 0) || !timeLimit.isFinite { throw ValidationError("--time-limit must be a number of seconds, 0 for no limit (got \(timeLimit)).") }
        if let urlPattern {
            do { _ = try URLPattern(urlPattern) } catch { throw ValidationError("--url-pattern '\(urlPattern)' is not a valid regular expression.") }
        }
        if inputs.filter({ $0 == "-" }).count > 1 { throw ValidationError("'-' (standard input) can be given only once.") }
        // Whether the inputs exist is checked in run(): a misspelt option ("--frmat markdown") must be
        // reported as one, which the parser does after this validation.
    }

    func run() throws {
        for input in inputs where input != "-" && !FileManager.default.fileExists(atPath: input) {
            throw ValidationError("No such file or directory: \(input). Give existing pages or folders, or - for standard input.")
        }
        let batchInputs = try collectInputs()
        if batchInputs.isEmpty {
            printError("encx: warning: no pages found in \(inputs.joined(separator: ", "))" + (glob.map { " matching '\($0)'" } ?? ""))
            return
        }
        let destination = try OutputDestination(output: output, format: format, inputs: batchInputs)
        warnAboutIneffectiveOptions(destination: destination, inputs: batchInputs)
        destination.sweepUnfinishedFiles(report: report, quiet: quiet)

        let writer: OutputWriter
        do {
            writer = try OutputWriter(destination: destination, report: report.map { URL(fileURLWithPath: $0) })
        } catch {
            printError("encx: error: cannot create an output file: \(error.localizedDescription)")
            throw ExitCode(2)
        }
        var options = BatchOptions(jobs: jobs, encyclopediaPagesOnly: familyOnly)
        if let pattern = try urlPattern.map(URLPattern.init) { options.urlFilter = { url in pattern.matches(url) } }
        if skipExisting { options.skip = { input in destination.isUpToDate(input) } }
        let converter = BatchConverter(extractor: extractor(), options: options)
        let progress = ProgressLine(total: batchInputs.contains(where: \.isWARC) ? nil : batchInputs.count,
                                    enabled: !quiet && isatty(STDERR_FILENO) == 1)
        let render: @Sendable (Extraction, BatchResultContext) throws -> Data = { extraction, context in
            try destination.render(extraction.article, context: context)
        }
        let summary = converter.run(batchInputs, prepare: render, tick: { progress.draw() }) { (result: BatchResult<Data>) -> Bool in
            let outcome = writer.write(result)
            progress.record(outcome)
            if outcome.status == .error, let message = outcome.message {
                progress.clear()
                printError("encx: error: \(message)")
            }
            return writer.failure == nil && !(failFast && outcome.status == .error)
        }
        progress.clear()
        do {
            try writer.finish()
        } catch {
            printError("encx: error: cannot finish writing: \(error.localizedDescription)")
            throw ExitCode(1)
        }
        if !quiet { printError(progress.summary + Self.describe(summary, destination: destination)) }
        if progress.failed > 0 { throw ExitCode(1) }
    }

    /// The inputs: files and folders through the library's collection, standard input read here.
    private func collectInputs() throws -> [BatchInput] {
        var collected: [BatchInput] = []
        for input in inputs {
            if input == "-" {
                let bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
                collected.append(BatchInput(source: .bytes(bytes), name: "-", relativePath: "stdin"))
                continue
            }
            do {
                let found = try BatchInput.collect([input], glob: glob)
                for note in found.notes { printError("encx: note: \(note)") }
                collected += found.inputs
            } catch {
                printError("encx: error: \(error)")
                throw ExitCode(2)
            }
        }
        return collected
    }

    private func extractor() -> Extractor {
        let parse = ParseOptions(maximumInputSize: maxInputSize, allowsDeepNesting: allowDeepNesting)
        let limit: Duration? = timeLimit > 0 ? .milliseconds(Int64((timeLimit * 1000).rounded(.up))) : nil
        return Extractor(ExtractionOptions(parse: parse, maximumDecompressedSize: maxDecompressedSize, timeLimit: limit))
    }

    private func warnAboutIneffectiveOptions(destination: OutputDestination, inputs: [BatchInput]) {
        if skipExisting, !destination.writesFilePerInput {
            printError("encx: warning: --skip-existing does nothing without --output DIR (it compares per-page output files).")
        }
        if glob != nil && !self.inputs.contains(where: { input in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) && isDirectory.boolValue
        }) {
            printError("encx: warning: --glob only filters files found in folders; no folder was given.")
        }
        if inputs.contains(where: \.isWARC) && (format == .markdown || format == .text) {
            printError("encx: note: WARC files are written as JSON Lines whatever --format says (one line per record).")
        }
    }

    /// The end of the summary line: WARC counts and where the output went.
    static func describe(_ summary: BatchSummary, destination: OutputDestination) -> String {
        var text = ""
        if summary.warcFiles > 0 {
            let counts = summary.warcStatistics
            text += "; \(summary.warcFiles) WARC file\(summary.warcFiles == 1 ? "" : "s"): \(counts.records) records, \(counts.pages) HTML pages, \(counts.ignored) not HTML, \(counts.damaged) damaged"
        }
        if let place = destination.place { text += "; output in \(place.path)" }
        return text
    }
}

/// A compiled --url-pattern (NSRegularExpression is safe to share between threads once built).
struct URLPattern: @unchecked Sendable {
    let text: String
    private let expression: NSRegularExpression

    init(_ text: String) throws {
        self.text = text
        expression = try NSRegularExpression(pattern: text)
    }

    func matches(_ url: String?) -> Bool {
        guard let url else { return false }
        return expression.firstMatch(in: url, range: NSRange(url.startIndex..., in: url)) != nil
    }
}
