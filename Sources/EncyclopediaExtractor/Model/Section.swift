// The wire format writes every field, absent ones as `null`, so a consumer sees the same keys on every
// value (synthesised encoders would leave nil fields out).

/// A titled section of the article with its blocks and nested subsections.
public struct Section: Codable, Sendable, Equatable {
    /// The heading's text, without "[edit]" links.
    public var title: String
    /// The heading level: 2 for `h2`, 3 for `h3`, …
    public var level: Int
    /// The heading's anchor (the `mw-headline` id or the heading's own id), or nil.
    public var anchor: String?
    /// The blocks between this heading and the next.
    public var blocks: [Block]
    /// Subsections (headings of a deeper level up to the next heading of this level or above).
    public var sections: [Section]
    /// The kind of references the section's title announces ("References", "Einzelnachweise" →
    /// `note`; "Further reading" → `bibliography`; …), or its enclosing section's; nil for a section
    /// of the article's prose. Its notes and reference lists are in the article's `references`.
    public var referenceKind: Reference.Kind?

    /// Creates a section.
    public init(title: String, level: Int, anchor: String? = nil, blocks: [Block] = [], sections: [Section] = [],
                referenceKind: Reference.Kind? = nil)
    {
        self.title = title
        self.level = level
        self.anchor = anchor
        self.blocks = blocks
        self.sections = sections
        self.referenceKind = referenceKind
    }
}

/// One entry of the page's table of contents.
public struct TOCEntry: Codable, Sendable, Equatable {
    /// The entry's number as printed, e.g. "2.1".
    public var number: String
    /// The entry's title.
    public var title: String
    /// The nesting level: 1 for top-level entries (which stand for `h2` headings), 2 below them, …
    public var level: Int
    /// The fragment the entry links to, without "#", or nil.
    public var anchor: String?

    /// Creates a table-of-contents entry.
    public init(number: String, title: String, level: Int, anchor: String?) {
        self.number = number
        self.title = title
        self.level = level
        self.anchor = anchor
    }
}

extension Section {
    enum CodingKeys: String, CodingKey { case title, level, anchor, blocks, sections, referenceKind }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(title, forKey: .title)
        try container.encode(level, forKey: .level)
        try container.encode(anchor, forKey: .anchor)
        try container.encode(blocks, forKey: .blocks)
        try container.encode(sections, forKey: .sections)
        try container.encode(referenceKind, forKey: .referenceKind)
    }
}

extension TOCEntry {
    enum CodingKeys: String, CodingKey { case number, title, level, anchor }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(number, forKey: .number)
        try container.encode(title, forKey: .title)
        try container.encode(level, forKey: .level)
        try container.encode(anchor, forKey: .anchor)
    }
}
