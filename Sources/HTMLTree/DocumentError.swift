/// Why a page could not be turned into a ``Document``, naming the input it came from.
public struct DocumentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Sendable, Equatable {
        /// The input holds no bytes.
        case empty
        /// The input holds only whitespace.
        case whitespaceOnly
        /// The input is larger than the configured limit.
        case tooLarge(size: Int, limit: Int)
        /// The input is a known binary format (named), or text without any markup.
        case notHTML(kind: String)
        /// The bytes do not decode to text in any encoding tried.
        case undecodable(detail: String)
        /// libxml2 returned no document at all.
        case parserFailure(detail: String)
    }

    /// The name of the input (a file path, or a label the caller chose).
    public let input: String
    /// What went wrong.
    public let reason: Reason

    /// Creates an error for an input.
    public init(input: String, reason: Reason) {
        self.input = input
        self.reason = reason
    }

    /// A short machine-readable code for the reason, stable across releases.
    public var code: String {
        switch reason {
        case .empty: "empty-input"
        case .whitespaceOnly: "whitespace-only"
        case .tooLarge: "input-too-large"
        case .notHTML: "not-html"
        case .undecodable: "undecodable"
        case .parserFailure: "parser-failure"
        }
    }

    /// One line naming the input and the reason.
    public var description: String {
        switch reason {
        case .empty:
            "\(input): the input is empty (0 bytes)"
        case .whitespaceOnly:
            "\(input): the input holds only whitespace, no HTML"
        case let .tooLarge(size, limit):
            "\(input): the input is \(size) bytes, over the limit of \(limit) bytes"
        case let .notHTML(kind):
            "\(input): not an HTML page (\(kind))"
        case let .undecodable(detail):
            "\(input): the bytes cannot be decoded as text (\(detail))"
        case let .parserFailure(detail):
            "\(input): libxml2 could not parse the page (\(detail))"
        }
    }
}
