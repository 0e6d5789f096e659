/// A unit of article content: a paragraph, list, table, quote, figure or definition list.
///
/// In JSON a block is an object with a `type` field and the fields of its kind.
public enum Block: Sendable, Equatable {
    /// A paragraph; `cites` lists the ids of the references its citation markers point to.
    case paragraph(text: String, cites: [String])
    /// A list, numbered or not, whose items may hold nested items.
    case list(ordered: Bool, items: [ListItem])
    /// A table as rows of cell texts (a colspan is padded with empty cells; `<br>` becomes "\n").
    case table(caption: String?, rows: [[String]])
    /// A block quotation.
    case quote(text: String)
    /// An image with its caption.
    case figure(caption: String, src: String?)
    /// A definition list.
    case definitions(items: [Definition])

    /// The block's kind as written in JSON's `type` field.
    public var type: String {
        switch self {
        case .paragraph: "paragraph"
        case .list: "list"
        case .table: "table"
        case .quote: "quote"
        case .figure: "figure"
        case .definitions: "definitions"
        }
    }
}

/// An item of a list block.
public struct ListItem: Codable, Sendable, Equatable {
    /// The item's own text (without its nested list).
    public var text: String
    /// Nested items.
    public var items: [ListItem]

    /// Creates a list item.
    public init(text: String, items: [ListItem] = []) {
        self.text = text
        self.items = items
    }
}

/// A term and its definition.
public struct Definition: Codable, Sendable, Equatable {
    /// The term (`dt`), or "" when the list has a definition without one.
    public var term: String
    /// The definition (`dd`).
    public var definition: String

    /// Creates a definition.
    public init(term: String, definition: String) {
        self.term = term
        self.definition = definition
    }
}

extension Block: Codable {
    private enum CodingKeys: String, CodingKey {
        case type, text, cites, ordered, items, caption, rows, src
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        switch self {
        case let .paragraph(text, cites):
            try container.encode(text, forKey: .text)
            if !cites.isEmpty { try container.encode(cites, forKey: .cites) }
        case let .list(ordered, items):
            try container.encode(ordered, forKey: .ordered)
            try container.encode(items, forKey: .items)
        case let .table(caption, rows):
            try container.encode(caption, forKey: .caption)
            try container.encode(rows, forKey: .rows)
        case let .quote(text):
            try container.encode(text, forKey: .text)
        case let .figure(caption, src):
            try container.encode(caption, forKey: .caption)
            try container.encode(src, forKey: .src)
        case let .definitions(items):
            try container.encode(items, forKey: .items)
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        switch type {
        case "paragraph":
            self = .paragraph(
                text: try container.decode(String.self, forKey: .text),
                cites: try container.decodeIfPresent([String].self, forKey: .cites) ?? [])
        case "list":
            self = .list(
                ordered: try container.decode(Bool.self, forKey: .ordered),
                items: try container.decode([ListItem].self, forKey: .items))
        case "table":
            self = .table(
                caption: try container.decodeIfPresent(String.self, forKey: .caption),
                rows: try container.decode([[String]].self, forKey: .rows))
        case "quote":
            self = .quote(text: try container.decode(String.self, forKey: .text))
        case "figure":
            self = .figure(
                caption: try container.decode(String.self, forKey: .caption),
                src: try container.decodeIfPresent(String.self, forKey: .src))
        case "definitions":
            self = .definitions(items: try container.decode([Definition].self, forKey: .items))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: container, debugDescription: "unknown block type \"\(type)\"")
        }
    }
}
