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

    /// Creates a removal record.
    public init(rule: String, element: String, excerpt: String) {
        self.rule = rule
        self.element = element
        self.excerpt = excerpt
    }
}
