import HTMLTree

/// Something the extractor took out of the page, and the rule that took it (for `encx inspect`).
public struct Removal: Sendable, Equatable, Codable {
    /// The rule, e.g. "junk element <script>", "chrome class word 'sidebar'", "licence block".
    public var rule: String
    /// The element's name.
    public var element: String
    /// The start of the removed text (at most ``excerptLength`` characters).
    public var excerpt: String

    /// How much of a removed element's text is kept for the report.
    public static let excerptLength = 80

    /// The start of `node`'s text for the report, read only as far as the excerpt needs (a removed side
    /// column can hold thousands of words). 16 bytes a character is more than any character takes.
    static func excerpt(of node: Node) -> String {
        String(node.textPrefix(limit: excerptLength * 16).text.prefix(excerptLength))
    }

    /// Creates a removal record.
    public init(rule: String, element: String, excerpt: String) {
        self.rule = rule
        self.element = element
        self.excerpt = excerpt
    }
}
