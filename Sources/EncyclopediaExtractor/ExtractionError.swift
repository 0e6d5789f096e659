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

    /// A short stable code for reports.
    public var code: String {
        switch self {
        case let .document(error): error.code
        case .unreadable: "unreadable"
        case let .compressed(_, error):
            if case .tooLarge = error.reason { "decompressed-too-large" } else { "bad-gzip" }
        case .timeLimitExceeded: "time-limit"
        case .mhtml: "bad-mhtml"
        }
    }

    /// One line naming the input and the reason.
    public var description: String {
        switch self {
        case let .document(error): error.description
        case let .unreadable(path, reason): "\(path): cannot read the file (\(reason))"
        case let .compressed(input, error): "\(input): \(error)"
        case let .mhtml(input, reason): "\(input): cannot unpack the MHTML archive (\(reason))"
        case let .timeLimitExceeded(input, limit, stage):
            "\(input): extraction stopped after the time limit of \(limit.formatted(.units(allowed: [.seconds, .milliseconds], width: .wide))) (in \(stage)); raise it with --time-limit"
        }
    }
}
