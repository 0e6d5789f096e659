import HTMLTree

/// Why a page could not be extracted, naming the input and the reason.
public enum ExtractionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The page could not be parsed (empty, binary, too large, …).
    case document(DocumentError)
    /// The file could not be read.
    case unreadable(path: String, reason: String)
    /// The page is gzip-compressed and could not be inflated (damaged, truncated, or a bomb).
    case compressed(input: String, error: GzipError)

    /// A short stable code for reports.
    public var code: String {
        switch self {
        case let .document(error): error.code
        case .unreadable: "unreadable"
        case let .compressed(_, error):
            if case .tooLarge = error.reason { "decompressed-too-large" } else { "bad-gzip" }
        }
    }

    /// One line naming the input and the reason.
    public var description: String {
        switch self {
        case let .document(error): error.description
        case let .unreadable(path, reason): "\(path): cannot read the file (\(reason))"
        case let .compressed(input, error): "\(input): \(error)"
        }
    }
}
