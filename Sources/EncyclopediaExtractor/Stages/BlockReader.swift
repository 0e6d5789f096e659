import Foundation
import HTMLTree

/// A block as built, with what the public model does not carry on the block itself.
struct BuiltBlock {
    var block: Block
    /// ISBNs from `Special:BookSources` links inside the block.
    var linkISBNs: [String] = []
    /// For lists, what each top-level item links to (used to classify reference lists).
    var itemLinks: [ItemLinks] = []
    /// The list element's node, for lists (to read references from).
    var node: Node?
}

/// What a list item links to.
struct ItemLinks {
    /// Absolute http(s) links.
    var urls: [String]
    /// The share of the item's text that is link text (0…1).
    var linkShare: Double
}

/// Turns one block-level element into a ``Block``.
enum BlockReader {
    /// How deep nested lists are kept as nested items; deeper lists are flattened into their
    /// parent item's text. Real articles nest 3 or 4 levels; the cap only bounds hostile input.
    static let maximumListDepth = 16
    /// Caps on spans, so a hostile `colspan="100000"` cannot blow a table up.
    static let maximumColspan = 100
    static let maximumRowspan = 500

    static func paragraph(_ element: Node) -> BuiltBlock? {
        paragraph(from: InlineGatherer.gather(element))
    }

    /// A paragraph gathered with `gatherer` (a walk reuses one gatherer, and its buffer, for all).
    static func paragraph(_ element: Node, using gatherer: inout InlineGatherer) -> BuiltBlock? {
        gatherer.add(element)
        return paragraph(from: gatherer.finish())
    }

    /// A paragraph of gathered inline content, or nil when it holds no words.
    static func paragraph(from content: InlineContent) -> BuiltBlock? {
        guard hasWords(content.text) else { return nil }
        return BuiltBlock(block: .paragraph(text: content.text, cites: content.cites, markers: content.markers),
                          linkISBNs: content.bookSourceISBNs)
    }

    static func quote(_ element: Node) -> BuiltBlock? {
        let content = InlineGatherer.gather(element)
        guard hasWords(content.text) else { return nil }
        return BuiltBlock(block: .quote(text: content.text), linkISBNs: content.bookSourceISBNs)
    }

    /// True when `text` holds a letter or digit (a run of separators alone is not a paragraph).
    static func hasWords(_ text: String) -> Bool {
        text.unicodeScalars.contains(where: \.isLetterOrDigit)
    }

    // MARK: Lists

    static func list(_ element: Node) -> BuiltBlock? {
        var linkISBNs: [String] = []
        var itemLinks: [ItemLinks] = []
        let items = listItems(of: element, depth: 0, linkISBNs: &linkISBNs, itemLinks: &itemLinks)
        guard !items.isEmpty else { return nil }
        return BuiltBlock(
            block: .list(ordered: element.isElement(.ol), items: items), linkISBNs: linkISBNs,
            itemLinks: itemLinks, node: element)
    }

    private static func listItems(
        of list: Node, depth: Int, linkISBNs: inout [String], itemLinks: inout [ItemLinks]
    ) -> [ListItem] {
        var items: [ListItem] = []
        var gatherer = InlineGatherer()
        for child in list.childElements {
            if child.isElement(.li) {
                let nested = depth < maximumListDepth ? nestedLists(in: child) : []
                gatherer.excluded = Set(nested)
                gatherer.add(child)
                let content = gatherer.finish()
                // (Appending nothing to an empty array still allocates one: most items have no ISBN link.)
                if !content.bookSourceISBNs.isEmpty { linkISBNs += content.bookSourceISBNs }
                if depth == 0 {
                    itemLinks.append(ItemLinks(urls: content.urls, linkShare: linkShare(of: child, text: content.text, excluding: nested)))
                }
                var subitems: [ListItem] = []
                for sublist in nested {
                    var ignored: [ItemLinks] = []
                    subitems += listItems(of: sublist, depth: depth + 1, linkISBNs: &linkISBNs, itemLinks: &ignored)
                }
                if hasWords(content.text) || !subitems.isEmpty {
                    items.append(ListItem(text: content.text, items: subitems))
                }
            } else if child.isElement(.ul) || child.isElement(.ol) {
                // A list directly inside a list (tag soup): its items join this level.
                items += listItems(of: child, depth: depth + 1, linkISBNs: &linkISBNs, itemLinks: &itemLinks)
            }
        }
        return items
    }

    /// The share of an item's text inside links (nested lists left out).
    private static func linkShare(of item: Node, text: String, excluding nested: [Node]) -> Double {
        guard !text.isEmpty else { return 0 }
        var linked = 0
        // A link inside a nested list is found from its ancestors, not by asking each nested list whether
        // it holds the link (a hostile item holds thousands).
        let nestedLists = Set(nested)
        for anchor in item.descendants(.elements(named: .a)) {
            if !nestedLists.isEmpty, anchor.isOrHasAncestor(below: item, where: { nestedLists.contains($0) }) { continue }
            linked += anchor.text.characterCount
        }
        return min(1, Double(linked) / Double(text.characterCount))
    }

    /// The lists inside a list item that are not inside another nested list.
    private static func nestedLists(in item: Node) -> [Node] {
        var found: [Node] = []
        var current = item.firstChild
        while let node = current {
            if node.isElement(.ul) || node.isElement(.ol) {
                found.append(node)
                current = node.nextSkippingChildren(within: item)
                continue
            }
            if node.isElement, let child = node.firstChild {
                current = child
                continue
            }
            current = node.nextSkippingChildren(within: item)
        }
        return found
    }

    // MARK: Definition lists

    static func definitions(_ element: Node) -> [BuiltBlock] {
        var items: [Definition] = []
        var term: String?
        var termUsed = false
        var linkISBNs: [String] = []
        var paragraphs: [BuiltBlock] = []
        for child in element.childElements {
            if child.isElement(.dt) {
                if let term, !termUsed { items.append(Definition(term: term, definition: "")) }
                term = InlineGatherer.gather(child).text
                termUsed = false
            } else if child.isElement(.dd) {
                let content = InlineGatherer.gather(child)
                if !content.bookSourceISBNs.isEmpty { linkISBNs += content.bookSourceISBNs }
                if let term {
                    items.append(Definition(term: term, definition: content.text))
                    termUsed = true
                } else if let paragraph = paragraph(from: content) {
                    // MediaWiki indents with <dl><dd> and no term: that is a paragraph, not a definition.
                    paragraphs.append(paragraph)
                }
            }
        }
        if let term, !termUsed { items.append(Definition(term: term, definition: "")) }
        if items.isEmpty { return paragraphs }
        return paragraphs + [BuiltBlock(block: .definitions(items: items), linkISBNs: linkISBNs)]
    }

    // MARK: Figures

    static func figure(_ element: Node) -> BuiltBlock? {
        var caption: String?
        var source: String?
        for node in element.descendants where node.isElement {
            if caption == nil, node.isElement(.figcaption) || Selectors.figureCaptionClasses.contains(where: { node.hasClassToken($0) }) {
                var gatherer = InlineGatherer()
                for child in node.children where !child.hasClassToken(Selectors.magnifyClass) {
                    gatherer.add(child)
                }
                caption = gatherer.finish().text
            }
            if source == nil, node.isElement(.img) || node.attribute(Selectors.lazyImageAttribute) != nil {
                source = imageAddress(node)
            }
        }
        if caption == nil, let alt = firstImage(in: element)?.attribute(.alt), !alt.isEmpty { caption = alt }
        guard caption != nil || source != nil else { return nil }
        return BuiltBlock(block: .figure(caption: caption ?? "", src: source))
    }

    /// The address of an image, or of the placeholder a page loads it into. Pages that load images lazily
    /// keep the real address in `data-src`: on the `<img>` itself, whose `src` is then a placeholder
    /// `data:` image (Fandom), or on an element standing where the image goes (MediaWiki's mobile skin,
    /// whose `<img>` is inside a `<noscript>`, never read). An image embedded as a `data:` address with no
    /// lazy one (a page saved as a single file) keeps it.
    private static func imageAddress(_ node: Node) -> String? {
        let source = node.isElement(.img) ? node.attribute(.src) : nil
        if let source, !source.isEmpty, source.prefix(5).lowercased() != "data:" { return source }
        if let lazy = node.attribute(Selectors.lazyImageAttribute), !lazy.isEmpty { return lazy }
        return source
    }

    private static func firstImage(in element: Node) -> Node? {
        element.firstDescendant(.elements(named: .img))
    }

    // MARK: Tables

    /// The elements ``isLayoutTable(_:)`` looks at.
    private static let layoutMarkers = HTMLNameSet(["h1", "h2", "h3", "h4", "h5", "h6", "table", "form", "p", "ol", "div"])

    /// True when a table lays out the page rather than holding data: it holds headings, paragraphs
    /// of prose, notes lists, the contents box, or other tables.
    static func isLayoutTable(_ table: Node) -> Bool {
        for node in table.descendants(.elements(layoutMarkers)) {
            guard let name = node.elementName else { continue }
            switch name {
            case .h1, .h2, .h3, .h4, .h5, .h6, .table, .form: return true
            case .p:
                // Characters never outnumber scalars: the string is made only for a long paragraph.
                if node.textLength > 200, node.text.characterCount > 200 { return true }
            case .ol, .div:
                if node.hasClassToken(Selectors.notesListClass) || node.hasClassToken(Selectors.tocBoxClass) { return true }
                if node.attribute(.id, equals: Selectors.tocBoxID) { return true }
            default:
                continue
            }
        }
        return false
    }

    /// Reads a table into a grid: a cell spanning rows or columns repeats its text in every position it
    /// covers, and is recorded as a span; rows of header cells (or in `<thead>`) are marked.
    static func table(_ element: Node) -> BuiltBlock? {
        var caption: String?
        var rows: [[String]] = []
        var spans: [CellSpan] = []
        var headerRows: [Int] = []
        var linkISBNs: [String] = []
        // Cells still covered by a rowspan from above, by column: rows left and the text they repeat.
        var covered: [(rows: Int, text: String)] = []
        // One gatherer for every cell: its buffer is reused.
        var gatherer = InlineGatherer(lineBreak: .newline)
        for (row, inHead) in rowsOf(element) {
            var cells: [String] = []
            // Rows of a table are mostly as wide as the one before.
            cells.reserveCapacity(max(rows.last?.count ?? 0, covered.count, 2))
            var column = 0
            var headerCells = 0
            var ownCells = 0
            func fillCovered() {
                while column < covered.count, covered[column].rows > 0 {
                    cells.append(covered[column].text)
                    covered[column].rows -= 1
                    column += 1
                }
            }
            var next = row.firstChild
            while let cell = next {
                next = cell.nextSibling
                guard cell.isElement(.td) || cell.isElement(.th) else { continue }
                fillCovered()
                ownCells += 1
                if cell.isElement(.th) { headerCells += 1 }
                gatherer.add(cell)
                let content = gatherer.finish()
                if !content.bookSourceISBNs.isEmpty { linkISBNs += content.bookSourceISBNs }
                let colspan = min(max(Int(cell.attribute(.colspan) ?? "") ?? 1, 1), maximumColspan)
                let rowspan = min(max(Int(cell.attribute(.rowspan) ?? "") ?? 1, 1), maximumRowspan)
                if rowspan > 1, covered.count < column + colspan {
                    covered += Array(repeating: (0, ""), count: column + colspan - covered.count)
                }
                if rowspan > 1 || colspan > 1 {
                    spans.append(CellSpan(row: rows.count, column: column, rows: rowspan, columns: colspan))
                }
                for offset in 0..<colspan {
                    cells.append(content.text)
                    if rowspan > 1 { covered[column + offset] = (rowspan - 1, content.text) }
                }
                column += colspan
            }
            fillCovered()
            guard cells.contains(where: { !$0.isEmpty }) else {
                // A row with no text is left out; spans starting on it start on the next row kept.
                continue
            }
            if inHead || (ownCells > 0 && headerCells == ownCells) { headerRows.append(rows.count) }
            rows.append(cells)
        }
        for child in element.childElements where child.isElement(.caption) {
            caption = InlineGatherer.gather(child).text
        }
        guard !rows.isEmpty else { return nil }
        let width = rows.map(\.count).max() ?? 0
        for index in rows.indices where rows[index].count < width {
            rows[index] += Array(repeating: "", count: width - rows[index].count)
        }
        // Spans end with the table (a rowspan past the last row is cut there).
        spans = spans.compactMap { span in
            guard span.row < rows.count else { return nil }
            var cut = span
            cut.rows = min(span.rows, rows.count - span.row)
            cut.columns = min(span.columns, width - span.column)
            return cut.rows > 1 || cut.columns > 1 ? cut : nil
        }
        return BuiltBlock(block: .table(caption: caption, rows: rows, spans: spans, headerRows: headerRows), linkISBNs: linkISBNs)
    }

    /// The table's own rows (through thead/tbody/tfoot, not those of nested tables), each with whether
    /// it stands in `<thead>`.
    private static func rowsOf(_ table: Node) -> [(row: Node, inHead: Bool)] {
        var rows: [(row: Node, inHead: Bool)] = []
        for child in table.childElements {
            if child.isElement(.tr) {
                rows.append((child, false))
            } else if child.isElement(.thead) || child.isElement(.tbody) || child.isElement(.tfoot) {
                let inHead = child.isElement(.thead)
                rows += child.childElements.filter { $0.isElement(.tr) }.map { ($0, inHead) }
            }
        }
        return rows
    }

    // MARK: Infoboxes

    static func isInfobox(_ table: Node) -> Bool {
        table.classTokens.contains {
            $0 == Selectors.infoboxClass || $0.hasPrefix(Selectors.infoboxClass + "_") || $0.hasPrefix(Selectors.infoboxClass + "-")
        }
    }

    static func infobox(_ table: Node) -> [InfoboxField] {
        var fields: [InfoboxField] = []
        for (index, (row, _)) in rowsOf(table).enumerated() {
            let cells = row.childElements.filter { $0.isElement(.td) || $0.isElement(.th) }
            if cells.count >= 2 {
                let label = InlineGatherer.gather(cells[0]).text
                var values: [String] = []
                for cell in cells.dropFirst() {
                    let text = InlineGatherer.gather(cell, lineBreak: .newline).text
                    values += text.split(separator: "\n").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
                }
                let value = values.joined(separator: "; ")
                if !label.isEmpty || !value.isEmpty { fields.append(InfoboxField(label: label, value: value)) }
            } else if let cell = cells.first, index > 0 {
                // One-cell rows below the title: image captions, sub-headers.
                let text = InlineGatherer.gather(cell, lineBreak: .newline).text
                    .split(separator: "\n").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
                    .joined(separator: "; ")
                if hasWords(text) { fields.append(InfoboxField(label: "", value: text)) }
            }
        }
        return fields
    }
}
