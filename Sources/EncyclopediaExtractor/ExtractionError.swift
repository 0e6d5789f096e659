import HTMLTree

/// Why a page could not be extracted, naming the input and the reason.
public enum ExtractionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The page could not be parsed (empty, binary, too large, …).
    case document(DocumentError)
    /// The file could not be read.
    case unreadable(path: String, reason: String)
    /// The page is gzip-compressed and could not be inflated (damaged, truncated, or a bomb).
    case compressed(input: String, error: GzipError)
    /// The input is a single-file web archive (MHTML) that could not be unpacked.
    case mhtml(input: String, reason: String)
    /// Extraction ran past ``ExtractionOptions/timeLimit``; `stage` names where it was stopped.
    case timeLimitExceeded(input: String, limit: Duration, stage: String)
    /// The input is a WARC archive (plain or gzip), many pages, given where one page was expected:
    /// read it with ``WARCReader`` or ``BatchConverter`` (`encx convert FILE.warc`).
    case warcArchive(input: String)

    /// A short stable code for reports.
    public var code: ErrorCode {
        switch self {
        case let .document(error): ErrorCode(rawValue: error.code)
        case .unreadable: .unreadable
        case let .compressed(_, error):
            if case .tooLarge = error.reason { .decompressedTooLarge } else { .badGzip }
        case .timeLimitExceeded: .timeLimit
        case .mhtml: .badMHTML
        case .warcArchive: .warcArchive
        }
    }

    /// One line naming the input and the reason.
    public var description: String {
        switch self {
        case let .document(error): error.description
        case let .unreadable(path, reason): "\(path): cannot read the file (\(reason))"
        case let .compressed(input, error): "\(input): \(error)"
        case let .mhtml(input, reason): "\(input): cannot unpack the MHTML archive (\(reason))"
        case let .warcArchive(input):
            "\(input): a WARC archive holds many pages, not one; convert the file itself (encx convert FILE.warc), or read it with WARCReader or BatchConverter"
        case let .timeLimitExceeded(input, limit, stage):
            "\(input): extraction stopped after the time limit of \(limit.formatted(.units(allowed: [.seconds, .milliseconds], width: .wide))) (in \(stage)); raise it with --time-limit"
        }
    }
}
