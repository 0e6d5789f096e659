import HTMLTree

/// Why a page could not be extracted, naming the input and the reason.
public enum ExtractionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The page could not be parsed (empty, binary, too large, …).
    case document(DocumentError)
    /// The file could not be read.
    case unreadable(path: String, reason: String)

    /// A short stable code for reports.
    public var code: String {
        switch self {
        case let .document(error): error.code
        case .unreadable: "unreadable"
        }
    }

    /// One line naming the input and the reason.
    public var description: String {
        switch self {
        case let .document(error): error.description
        case let .unreadable(path, reason): "\(path): cannot read the file (\(reason))"
        }
    }
}
