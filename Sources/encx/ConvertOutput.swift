import ArgumentParser
import EncyclopediaExtractor
import Foundation

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

func compactEncoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
}

/// Where `encx convert` writes, decided once from --output, --format and the inputs.
struct OutputDestination: Sendable {
    enum Mode: Sendable {
        /// One article on standard output, or JSON Lines for several inputs.
        case standardOutput(lines: Bool)
        /// One file per input under this folder (a WARC file's records in one .jsonl).
        case perFile(URL)
        /// All articles as JSON Lines in this file.
        case oneFile(URL)
        /// One page's article in this file.
        case singleFile(URL)
    }

    let mode: Mode
    let format: OutputFormat

    init(output: String?, format: OutputFormat, inputs: [BatchInput]) throws {
        self.format = format
        let hasWARC = inputs.contains(where: \.isWARC)
        guard let output else {
            let lines = format == .jsonl || inputs.count > 1 || hasWARC
            if lines, inputs.count > 1, format == .markdown || format == .text {
                throw ValidationError("\(inputs.count) pages cannot share standard output as \(format.rawValue); give --output DIR for one \(format.fileExtension) file per page, or --format jsonl for one JSON line each.")
            }
            mode = .standardOutput(lines: lines)
            return
        }
        if format == .jsonl {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory), isDirectory.boolValue {
                throw ValidationError("--format jsonl writes one file; --output \(output) is a folder. Name a .jsonl file instead.")
            }
            mode = .oneFile(URL(fileURLWithPath: output))
            return
        }
        if inputs.count == 1, !hasWARC, Self.namesAFile(output) {
            mode = .singleFile(URL(fileURLWithPath: output))
            return
        }
        var seen: [String: String] = [:]
        for input in inputs {
            let path = Self.outputPath(for: input, format: input.isWARC ? .jsonl : format)
            if let other = seen[path] {
                throw ValidationError("\(other) and \(input.name) would both be written to \(path); convert them in separate runs or from their common folder.")
            }
            seen[path] = input.name
        }
        mode = .perFile(URL(fileURLWithPath: output, isDirectory: true))
    }

    /// True when --output names a file for one page: an existing file, or a new path whose last part
    /// has an extension ("one.md"); a new name without one ("articles") is a folder to make.
    static func namesAFile(_ output: String) -> Bool {
        guard !output.hasSuffix("/") else { return false }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) { return !isDirectory.boolValue }
        let name = (output as NSString).lastPathComponent
        return name.dropFirst().contains(".")
    }

    /// True when each input gets a file of its own (--skip-existing compares those).
    var writesFilePerInput: Bool {
        if case .perFile = mode { return true }
        return false
    }

    /// The file or folder the output goes to, or nil for standard output.
    var place: URL? {
        switch mode {
        case let .perFile(url), let .oneFile(url), let .singleFile(url): url
        case .standardOutput: nil
        }
    }

    /// True when the input's results are JSON Lines: several pages in one stream, or a WARC file's records.
    func writesLines(for input: BatchInput) -> Bool {
        switch mode {
        case .standardOutput(lines: true), .oneFile: true
        case .standardOutput(lines: false), .singleFile: false
        case .perFile: input.isWARC
        }
    }

    /// The input's own output file under --output DIR (a WARC file's records go to one .jsonl), or nil.
    func outputFile(for input: BatchInput) -> URL? {
        switch mode {
        case let .perFile(directory):
            // With `isDirectory:` given, building the URL makes no system call.
            return directory.appendingPathComponent(Self.outputPath(for: input, format: input.isWARC ? .jsonl : format), isDirectory: false)
        case let .singleFile(url):
            return url
        case .standardOutput, .oneFile:
            return nil
        }
    }

    /// True when --skip-existing skips the input: its output file exists and is newer than it.
    func isUpToDate(_ input: BatchInput) -> Bool {
        guard case .perFile = mode, let file = outputFile(for: input), let source = input.fileURL else { return false }
        let manager = FileManager.default
        guard let outputDate = (try? manager.attributesOfItem(atPath: file.path))?[.modificationDate] as? Date,
            let inputDate = (try? manager.attributesOfItem(atPath: source.path))?[.modificationDate] as? Date
        else { return false }
        return outputDate >= inputDate
    }

    /// The output path (relative to --output) for an input: its path in the input tree with the page
    /// extension (and any .gz) replaced by the format's. Never absolute, never with "..".
    static func outputPath(for input: BatchInput, format: OutputFormat) -> String {
        var components = input.relativePath.split(separator: "/").map(String.init).filter { $0 != "." && $0 != ".." && !$0.isEmpty }
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

    /// Removes temporary files an interrupted earlier run left where this one writes.
    func sweepUnfinishedFiles(report: String?, quiet: Bool) {
        var unfinished = 0
        switch mode {
        case let .perFile(directory): unfinished = UnfinishedFiles.sweep(directory, recursive: true)
        case let .oneFile(url), let .singleFile(url): unfinished = UnfinishedFiles.sweep(url.deletingLastPathComponent(), recursive: false)
        case .standardOutput: break
        }
        if let report { unfinished += UnfinishedFiles.sweep(URL(fileURLWithPath: report).deletingLastPathComponent(), recursive: false) }
        if unfinished > 0 && !quiet {
            printError("encx: note: removed \(unfinished) unfinished temporary file(s) left by an interrupted run")
        }
    }

    /// The article as this destination writes it for the page (on a worker thread).
    func render(_ article: Article, context: BatchResultContext) throws -> Data {
        if writesLines(for: context.input) {
            // The article's fields plus the input it came from (and its WARC record).
            var members = [(name: "input", json: ArticleJSON.quoted(context.input.name))]
            if let record = context.record { members.append((name: "warc", json: [UInt8](try compactEncoder().encode(record)))) }
            return try ArticleJSON.line(article, adding: members, endingWithNewline: true)
        }
        switch format {
        case .json: return try ArticleJSON.pretty(article)
        case .jsonl: return try ArticleJSON.line(article, endingWithNewline: true)
        case .markdown: return Data(MarkdownRenderer.render(article).utf8)
        case .text: return Data(PlainTextRenderer.render(article).utf8)
        }
    }
}

/// What the writer made of one result, for progress and the summary.
struct WrittenOutcome {
    enum Status: String {
        /// `skipped`: the output is up to date (--skip-existing); `filtered`: left out by --url-pattern
        /// or --family-only.
        case ok, warning, error, skipped, filtered
    }

    let status: Status
    let message: String?
}

/// Writes results as they come back, in input order: each page's own file, or the run's stream
/// (standard output, one JSON Lines file, a WARC file's .jsonl), and the --report records. Files are
/// written to temporary names and renamed into place.
final class OutputWriter {
    private let destination: OutputDestination
    private var reportFile: StreamingAtomicFile?
    private var linesFile: StreamingAtomicFile?
    /// With --output DIR, the records of one WARC file go into one .jsonl file, committed when the next
    /// input starts (results come in input order, so a WARC file's records are contiguous).
    private var warcFile: (input: String, file: StreamingAtomicFile)?
    private let encoder = compactEncoder()
    /// The first error writing the stream or the report: the run stops there.
    private(set) var failure: (any Error)?

    init(destination: OutputDestination, report: URL?) throws {
        self.destination = destination
        if let report { reportFile = try StreamingAtomicFile(url: report) }
        if case let .oneFile(url) = destination.mode { linesFile = try StreamingAtomicFile(url: url) }
    }

    func write(_ result: BatchResult<Data>) -> WrittenOutcome {
        var status: WrittenOutcome.Status
        var message: String?
        var code: ErrorCode?
        var output: Data?
        switch result.outcome {
        case let .converted(data, warnings):
            status = warnings.isEmpty ? .ok : .warning
            output = data
        case let .failed(failure):
            (status, message, code) = (.error, failure.message, failure.code)
            // A WARC archive piped in is refused with the way to read it.
            if case .bytes = result.input.source, result.input.name == "-", failure.code == .warcArchive {
                message = "-: standard input holds a WARC file; give its path (encx convert FILE.warc) so it is read record by record"
                code = .warcOnStandardInput
            }
        case .skipped:
            status = .skipped
        case let .filtered(reason):
            status = .filtered
            message = switch reason {
            case .url: "its URL does not match --url-pattern"
            case .notEncyclopediaPage: "not recognised as an encyclopedia page (--family-only)"
            }
        }
        do {
            if case .perFile = destination.mode, warcFile?.input != result.input.name { try finishWARCFile() }
            if status == .error, destination.writesLines(for: result.input), let message, let code {
                // In JSON Lines output a failed input still gets its line.
                output = try encoder.encode(FailureLine(input: result.input.name, warc: result.record, error: message, errorCode: code))
                    + Data([0x0A])
            }
            if let data = output {
                if !destination.writesLines(for: result.input), let file = destination.outputFile(for: result.input) {
                    do {
                        try AtomicFile.write(data, to: file)
                    } catch {
                        // Only this page fails; the batch goes on.
                        (status, code) = (.error, .writeFailed)
                        message = "\(result.input.name): cannot write the output (\(error.localizedDescription))"
                    }
                } else {
                    try writeToStream(data, for: result.input)
                }
            }
            if let reportFile {
                let line = ReportLine(path: result.input.name, record: result.record?.recordID, status: status.rawValue, error: message,
                                      errorCode: code, warnings: result.warnings, bytes: result.bytes,
                                      milliseconds: Int(result.duration / .milliseconds(1)))
                try reportFile.write(encoder.encode(line) + Data([0x0A]))
            }
        } catch {
            // A full disk or a vanished folder: stop rather than write an incomplete file.
            failure = error
        }
        return WrittenOutcome(status: status, message: message)
    }

    private func writeToStream(_ data: Data, for input: BatchInput) throws {
        switch destination.mode {
        case .standardOutput, .singleFile: FileHandle.standardOutput.write(data)
        case .oneFile: try linesFile?.write(data)
        case .perFile:
            if warcFile == nil, let url = destination.outputFile(for: input) {
                warcFile = (input.name, try StreamingAtomicFile(url: url))
            }
            try warcFile?.file.write(data)
        }
    }

    private func finishWARCFile() throws {
        guard let current = warcFile else { return }
        warcFile = nil
        try current.file.commit()
    }

    /// Commits the stream files and the report, or discards them after a failure.
    func finish() throws {
        do {
            if let failure { throw failure }
            try finishWARCFile()
            try linesFile?.commit()
            try reportFile?.commit()
        } catch {
            warcFile?.file.discard()
            linesFile?.discard()
            reportFile?.discard()
            throw error
        }
    }
}

/// A JSON Lines record for an input (or WARC record) that failed.
private struct FailureLine: Encodable {
    let input: String
    let warc: WARCRecordInfo?
    let error: String
    let errorCode: ErrorCode
}

/// A `--report` record.
private struct ReportLine: Encodable {
    let path: String
    let record: String?
    let status: String
    let error: String?
    let errorCode: ErrorCode?
    let warnings: [WarningCode]
    let bytes: Int
    let milliseconds: Int

    private enum CodingKeys: String, CodingKey { case path, record, status, error, errorCode, warnings, bytes, milliseconds }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        try container.encodeIfPresent(record, forKey: .record)
        try container.encode(status, forKey: .status)
        try container.encode(error, forKey: .error)
        try container.encode(errorCode, forKey: .errorCode)
        try container.encode(warnings, forKey: .warnings)
        try container.encode(bytes, forKey: .bytes)
        try container.encode(milliseconds, forKey: .milliseconds)
    }
}
