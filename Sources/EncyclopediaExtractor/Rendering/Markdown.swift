/// Renders an article as CommonMark: `#` title, the infobox as a list of labelled values, `##`…
/// headings by level, nested lists, pipe tables, quotes, figures with their captions, definition lists
/// as bold terms, citation markers where they stood in the sentence (linking to the notes, labelled as
/// the page labels them), the notes under the page's own notes heading, the ISBNs, the categories and
/// the licence attribution at the end. A section left without content (its notes list became the
/// article's references) is not shown.
public enum MarkdownRenderer {
    public static func render(_ article: Article) -> String {
        var output = "# " + escapeInline(article.title) + "\n"
        let layout = ReadableLayout(article)
        if !article.infobox.isEmpty {
            output += "\n"
            for field in article.infobox {
                let value = escapeInline(field.value.replacingAll("\n", with: "; "))
                output += field.label.isEmpty ? "- \(value)\n" : "- **\(escapeInline(ReadableLayout.bareLabel(field.label)))**: \(value)\n"
            }
        }
        for block in article.lead { output += "\n" + render(block, layout: layout) }
        func renderSection(_ section: Section, path: [Int]) {
            guard layout.shows(path) else { return }
            let level = min(max(section.level, 2), 6)
            output += "\n" + String(repeating: "#", count: level) + " " + escapeInline(section.title) + "\n"
            for block in section.blocks { output += "\n" + render(block, layout: layout) }
            if layout.notesSection == path { output += notesList(layout) }
            for (index, subsection) in section.sections.enumerated() { renderSection(subsection, path: path + [index]) }
        }
        for (index, section) in article.sections.enumerated() { renderSection(section, path: [index]) }
        if !layout.notes.isEmpty, layout.notesSection == nil {
            output += "\n## Notes\n" + notesList(layout)
        }
        if !article.isbns.isEmpty {
            output += "\n## ISBNs\n\n"
            for isbn in article.isbns {
                let form = isbn.valid ? (isbn.isbn13 ?? isbn.text) : escapeInline(isbn.text) + " (invalid checksum)"
                output += "- " + form + "\n"
            }
        }
        if !article.categories.isEmpty || article.license != nil { output += "\n---\n" }
        if !article.categories.isEmpty {
            output += "\nCategories: " + article.categories.map(escapeInline).joined(separator: " · ") + "\n"
        }
        if let license = article.license {
            var line = "Licence: " + escapeInline(license.name)
            if let url = license.url { line += " (<" + url + ">)" }
            output += "\n" + line + ". " + escapeInline(license.attribution) + "\n"
        }
        return output
    }

    /// The notes, each with the page's label and an anchor its markers link to.
    private static func notesList(_ layout: ReadableLayout) -> String {
        var text = "\n"
        for note in layout.notes {
            let anchor = note.id.map { "<a id=\"\(escapeAttribute($0))\"></a>" } ?? ""
            text += "- \(anchor)\\[\(escapeInline(layout.label(of: note)))\\] \(escapeInline(note.text))\n"
        }
        return text
    }

    /// A paragraph's text with its citation markers back where they stood, each a link to its note.
    private static func textWithMarkers(_ text: String, markers: [CitationMarker], layout: ReadableLayout) -> String {
        guard !markers.isEmpty else { return escapeBlockStart(escapeInline(text)) }
        var output = ""
        let scalars = text.unicodeScalars
        var position = scalars.startIndex
        var consumed = 0
        for marker in markers {
            guard let label = layout.label(ofID: marker.id) else { continue }
            let target = min(max(marker.offset, consumed), scalars.count)
            let end = scalars.index(position, offsetBy: target - consumed)
            output += escapeInline(String(scalars[position..<end]))
            output += "[\\[" + escapeInline(label) + "\\]](#" + marker.id + ")"
            position = end
            consumed = target
        }
        output += escapeInline(String(scalars[position...]))
        return escapeBlockStart(output)
    }

    private static func render(_ block: Block, layout: ReadableLayout) -> String {
        switch block {
        case let .paragraph(text, _, markers):
            return textWithMarkers(text, markers: markers, layout: layout) + "\n"
        case let .quote(text):
            return "> " + escapeInline(text) + "\n"
        case let .figure(caption, src):
            guard let src else { return "*" + escapeInline(caption) + "*\n" }
            let image = "![" + escapeInline(caption) + "](<" + src.replacingAll("<", with: "%3C").replacingAll(">", with: "%3E") + ">)\n"
            return caption.isEmpty ? image : image + "\n*" + escapeInline(caption) + "*\n"
        case let .definitions(items):
            return items.map { "**" + escapeInline($0.term) + "**  \n" + escapeInline($0.definition) + "\n" }.joined(separator: "\n")
        case let .list(ordered, items):
            var text = ""
            renderItems(items, ordered: ordered, indent: "", into: &text)
            return text
        case let .table(caption, grid, spans, _):
            var text = ""
            if let caption, !caption.isEmpty { text += "**" + escapeInline(caption) + "**\n\n" }
            let rows = ReadableLayout.mergingSpans(grid, spans)
            guard let header = rows.first else { return text }
            func row(_ cells: [String]) -> String {
                "| " + cells.map { cell in
                    escapeInline(cell).replacingAll("|", with: "\\|").replacingAll("\n", with: "<br>")
                }.joined(separator: " | ") + " |\n"
            }
            text += row(header)
            text += "|" + String(repeating: " --- |", count: header.count) + "\n"
            for cells in rows.dropFirst() { text += row(cells) }
            return text
        }
    }

    private static func renderItems(_ items: [ListItem], ordered: Bool, indent: String, into text: inout String) {
        for (index, item) in items.enumerated() {
            let marker = ordered ? "\(index + 1). " : "- "
            text += indent + marker + escapeInline(item.text) + "\n"
            if !item.items.isEmpty {
                renderItems(item.items, ordered: false, indent: indent + String(repeating: " ", count: marker.count), into: &text)
            }
        }
    }

    /// Escapes the characters CommonMark gives meaning to inside a line.
    static func escapeInline(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "\\", "*", "_", "`", "[", "]", "<", ">", "#", "|", "!":
                output.append("\\")
                output.append(character)
            default:
                output.append(character)
            }
        }
        return output
    }

    /// Escapes what would make a paragraph's first characters a list, heading or quote.
    private static func escapeBlockStart(_ text: String) -> String {
        guard let first = text.first else { return text }
        if first == "-" || first == "+" || first == "=" { return "\\" + text }
        // "1994. The year…" would start an ordered list.
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9 {
            let rest = text.dropFirst(digits.count)
            if rest.first == "." || rest.first == ")" {
                return String(digits) + "\\" + String(rest)
            }
        }
        return text
    }

    private static func escapeAttribute(_ text: String) -> String {
        text.replacingAll("\"", with: "&quot;").replacingAll("<", with: "&lt;")
    }
}

/// Renders the article as plain text: the title, the infobox's labelled values, then headings and
/// blocks each on their own lines, separated by blank lines. The notes are listed with the page's labels
/// under the article's own notes heading when it has one, else under "Notes" at the end; the categories
/// and the licence close the text. A section left without content is not shown.
public enum PlainTextRenderer {
    public static func render(_ article: Article) -> String {
        var parts: [String] = [article.title]
        let layout = ReadableLayout(article)
        if !article.infobox.isEmpty {
            parts.append(article.infobox.map { field in
                let value = field.value.replacingAll("\n", with: "; ")
                return field.label.isEmpty ? value : ReadableLayout.bareLabel(field.label) + ": " + value
            }.joined(separator: "\n"))
        }
        let notesText = layout.notes.map { "[\(layout.label(of: $0))] \($0.text)" }.joined(separator: "\n")
        for block in article.lead { parts.append(render(block)) }
        func renderSection(_ section: Section, path: [Int]) {
            guard layout.shows(path) else { return }
            parts.append(section.title)
            for block in section.blocks { parts.append(render(block)) }
            if layout.notesSection == path { parts.append(notesText) }
            for (index, subsection) in section.sections.enumerated() { renderSection(subsection, path: path + [index]) }
        }
        for (index, section) in article.sections.enumerated() { renderSection(section, path: [index]) }
        if !layout.notes.isEmpty, layout.notesSection == nil {
            parts.append("Notes")
            parts.append(notesText)
        }
        if !article.categories.isEmpty { parts.append("Categories: " + article.categories.joined(separator: " · ")) }
        if let license = article.license { parts.append("Licence: " + license.name + ". " + license.attribution) }
        return parts.filter { !$0.isEmpty }.joined(separator: "\n\n") + "\n"
    }

    private static func render(_ block: Block) -> String {
        switch block {
        case let .paragraph(text, _, _), let .quote(text):
            return text
        case let .figure(caption, _):
            return caption
        case let .definitions(items):
            return items.map { $0.term.isEmpty ? $0.definition : $0.term + ": " + $0.definition }.joined(separator: "\n")
        case let .list(_, items):
            var lines: [String] = []
            func walk(_ items: [ListItem], depth: Int) {
                for item in items {
                    lines.append(String(repeating: "  ", count: depth) + "- " + item.text)
                    walk(item.items, depth: depth + 1)
                }
            }
            walk(items, depth: 0)
            return lines.joined(separator: "\n")
        case let .table(caption, grid, spans, _):
            let rows = ReadableLayout.mergingSpans(grid, spans)
            let body = rows.map { $0.map { $0.replacingAll("\n", with: " / ") }.joined(separator: " | ") }
            return ((caption.map { [$0] } ?? []) + body).joined(separator: "\n")
        }
    }
}

/// What the readable formats show of an article's sections, and where its notes go: under the first
/// notes section the page left empty (its notes list became the references), else under the first
/// notes section, else at the end. A section with no blocks and nothing shown below it is not shown,
/// unless the notes go there.
struct ReadableLayout {
    /// The notes, in order.
    let notes: [Reference]
    /// The section (by its indexes from the top) the notes are listed under, or nil for the end.
    let notesSection: [Int]?
    private let shown: Set<[Int]>
    private let labels: [String: String]

    init(_ article: Article) {
        notes = article.references.filter { $0.kind == .note }
        var emptyNotes: [Int]?
        var anyNotes: [Int]?
        func find(_ sections: [Section], prefix: [Int]) {
            for (index, section) in sections.enumerated() {
                let path = prefix + [index]
                if section.referenceKind == .note {
                    if anyNotes == nil { anyNotes = path }
                    if emptyNotes == nil, section.blocks.isEmpty { emptyNotes = path }
                }
                find(section.sections, prefix: path)
            }
        }
        find(article.sections, prefix: [])
        let notesSection = notes.isEmpty ? nil : (emptyNotes ?? anyNotes)
        self.notesSection = notesSection
        var shown: Set<[Int]> = []
        func mark(_ sections: [Section], prefix: [Int]) -> Bool {
            var any = false
            for (index, section) in sections.enumerated() {
                let path = prefix + [index]
                let below = mark(section.sections, prefix: path)
                if !section.blocks.isEmpty || below || path == notesSection {
                    shown.insert(path)
                    any = true
                }
            }
            return any
        }
        _ = mark(article.sections, prefix: [])
        self.shown = shown
        var labels: [String: String] = [:]
        for note in notes {
            if let id = note.id, labels[id] == nil { labels[id] = note.label ?? String(note.number) }
        }
        self.labels = labels
    }

    func shows(_ path: [Int]) -> Bool { shown.contains(path) }

    /// A table's rows with each spanning cell's text shown once, in its first position, and the others
    /// it covers left empty (pipe tables and plain text cannot merge cells).
    static func mergingSpans(_ rows: [[String]], _ spans: [CellSpan]) -> [[String]] {
        guard !spans.isEmpty else { return rows }
        var merged = rows
        for span in spans {
            for row in span.row..<min(span.row + span.rows, merged.count) {
                for column in span.column..<min(span.column + span.columns, merged[row].count)
                where row != span.row || column != span.column {
                    merged[row][column] = ""
                }
            }
        }
        return merged
    }

    /// An infobox label without the colon some pages print after it ("Domain:" → "Domain"), since the
    /// readable formats add their own.
    static func bareLabel(_ label: String) -> String {
        var bare = Substring(label)
        while let last = bare.last, last == ":" || last == " " { bare = bare.dropLast() }
        return bare.isEmpty ? label : String(bare)
    }

    /// The label a note is shown with: the page's, else its number.
    func label(of note: Reference) -> String { note.label ?? String(note.number) }

    /// The label of the note `id` names, or nil when the article has no such note.
    func label(ofID id: String) -> String? { labels[id] }
}

extension String {
    /// Every occurrence of `target` replaced (without Foundation).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var output = ""
        var rest = self[...]
        while let range = rest.range(of: target) {
            output += rest[..<range.lowerBound]
            output += replacement
            rest = rest[range.upperBound...]
        }
        output += rest
        return output
    }
}
