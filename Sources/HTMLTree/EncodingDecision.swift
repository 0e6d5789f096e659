/// Which encoding a page was decoded with, and why.
public struct EncodingDecision: Sendable, Equatable, CustomStringConvertible {
    /// What the choice rested on.
    public enum Basis: Sendable, Equatable {
        /// The caller forced the encoding.
        case forcedByCaller
        /// A UTF-8 or UTF-16 byte-order mark opened the input.
        case byteOrderMark
        /// A `<meta charset>`, `<meta http-equiv="Content-Type">` or XML declaration in the first
        /// 1024 bytes, with the label as written.
        case declared(label: String)
        /// The charset of the transport that delivered the page (an HTTP `Content-Type` header in a
        /// WARC record, a MIME part's header in MHTML), which outranks the page's own declaration.
        case transport(label: String)
        /// Nothing was declared and the bytes are valid UTF-8.
        case validUTF8
        /// Nothing usable was declared and the bytes are not valid UTF-8: windows-1252, as browsers do.
        case windows1252Fallback
    }

    /// The encoding the input was decoded from.
    public let encoding: TextEncoding
    /// What the choice rested on.
    public let basis: Basis
    /// A declared label that could not be used (unknown to the converters), if any.
    public let ignoredDeclaration: String?

    /// A sentence saying which encoding was used and why.
    public var description: String {
        var text: String
        switch basis {
        case .forcedByCaller: text = "\(encoding.name), forced by the caller"
        case .byteOrderMark: text = "\(encoding.name), from the byte-order mark"
        case let .declared(label): text = "\(encoding.name), declared in the page as \"\(label)\""
        case let .transport(label): text = "\(encoding.name), from the transport's Content-Type charset \"\(label)\""
        case .validUTF8: text = "\(encoding.name), undeclared; the bytes are valid UTF-8"
        case .windows1252Fallback: text = "\(encoding.name), undeclared; the bytes are not valid UTF-8"
        }
        if let ignoredDeclaration {
            text += " (the declared charset \"\(ignoredDeclaration)\" is unknown and was ignored)"
        }
        return text
    }
}
