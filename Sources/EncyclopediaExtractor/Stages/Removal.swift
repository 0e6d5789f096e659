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

/// What extraction removed, kept only when asked for (`extractWithReport`, `encx inspect`): converting
/// pages never reads it, and each record reads the start of the removed element's text.
struct RemovalLog {
    /// False when nothing is recorded.
    let enabled: Bool
    private(set) var removals: [Removal] = []

    init(enabled: Bool) {
        self.enabled = enabled
    }

    /// Records `node` as removed by `rule` (neither is looked at when the log is off).
    mutating func record(_ rule: @autoclosure () -> String, _ node: Node) {
        guard enabled else { return }
        removals.append(Removal(rule: rule(), element: node.name, excerpt: Removal.excerpt(of: node)))
    }

    /// Records a removal described by its parts.
    mutating func record(_ rule: @autoclosure () -> String, element: @autoclosure () -> String, excerpt: @autoclosure () -> String) {
        guard enabled else { return }
        removals.append(Removal(rule: rule(), element: element(), excerpt: excerpt()))
    }

    /// Adds another stage's records after these.
    mutating func append(_ other: RemovalLog) {
        removals += other.removals
    }
}
