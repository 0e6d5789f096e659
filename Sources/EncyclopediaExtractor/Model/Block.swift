/// A unit of article content: a paragraph, list, table, quote, figure or definition list.
///
/// In JSON a block is an object with a `type` field and the fields of its kind.
public enum Block: Sendable, Equatable {
    /// A paragraph; `cites` lists the ids of the references its citation markers point to (each once,
    /// in order), `markers` every marker and where it stood in `text`.
    case paragraph(text: String, cites: [String], markers: [CitationMarker] = [])
    /// A list, numbered or not, whose items may hold nested items.
    case list(ordered: Bool, items: [ListItem])
    /// A table as a grid of cell texts: a cell spanning rows or columns has its text in every position
    /// it covers (as a spreadsheet reads it), and `spans` records each such cell so a renderer can merge
    /// them back; `headerRows` are the indexes of rows of header cells. `<br>` becomes "\n".
    case table(caption: String?, rows: [[String]], spans: [CellSpan] = [], headerRows: [Int] = [])
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

/// Where a citation marker ("[1]") stood in a paragraph: the marker is not in the text, so a renderer
/// puts it back at `offset`.
public struct CitationMarker: Codable, Sendable, Equatable {
    /// The id of the reference it points to (`cite_note-1`).
    public var id: String
    /// Its place in the paragraph's text, in Unicode scalars (code points) from the start.
    public var offset: Int

    /// Creates a marker.
    public init(id: String, offset: Int) {
        self.id = id
        self.offset = offset
    }
}

/// A table cell that spans more than one row or column.
public struct CellSpan: Codable, Sendable, Equatable {
    /// The cell's first row and column (0-based) in `rows`.
    public var row: Int
    public var column: Int
    /// How many rows and columns it covers (at least 1 each, one of them more).
    public var rows: Int
    public var columns: Int

    /// Creates a span.
    public init(row: Int, column: Int, rows: Int, columns: Int) {
        self.row = row
        self.column = column
        self.rows = rows
        self.columns = columns
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
        case type, text, cites, markers, ordered, items, caption, rows, spans, headerRows, src
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        switch self {
        case let .paragraph(text, cites, markers):
            try container.encode(text, forKey: .text)
            if !cites.isEmpty { try container.encode(cites, forKey: .cites) }
            if !markers.isEmpty { try container.encode(markers, forKey: .markers) }
        case let .list(ordered, items):
            try container.encode(ordered, forKey: .ordered)
            try container.encode(items, forKey: .items)
        case let .table(caption, rows, spans, headerRows):
            try container.encode(caption, forKey: .caption)
            try container.encode(rows, forKey: .rows)
            try container.encode(spans, forKey: .spans)
            try container.encode(headerRows, forKey: .headerRows)
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
                cites: try container.decodeIfPresent([String].self, forKey: .cites) ?? [],
                markers: try container.decodeIfPresent([CitationMarker].self, forKey: .markers) ?? [])
        case "list":
            self = .list(
                ordered: try container.decode(Bool.self, forKey: .ordered),
                items: try container.decode([ListItem].self, forKey: .items))
        case "table":
            self = .table(
                caption: try container.decodeIfPresent(String.self, forKey: .caption),
                rows: try container.decode([[String]].self, forKey: .rows),
                spans: try container.decodeIfPresent([CellSpan].self, forKey: .spans) ?? [],
                headerRows: try container.decodeIfPresent([Int].self, forKey: .headerRows) ?? [])
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

extension Block {
    /// Calls `body` with every text the block shows (not its image address).
    func forEachText(_ body: (String) -> Void) {
        switch self {
        case let .paragraph(text, _, _), let .quote(text):
            body(text)
        case let .list(_, items):
            func walk(_ items: [ListItem]) {
                for item in items {
                    body(item.text)
                    walk(item.items)
                }
            }
            walk(items)
        case let .table(caption, rows, _, _):
            if let caption { body(caption) }
            for row in rows {
                for cell in row { body(cell) }
            }
        case let .figure(caption, _):
            body(caption)
        case let .definitions(items):
            for item in items {
                body(item.term)
                body(item.definition)
            }
        }
    }
}
