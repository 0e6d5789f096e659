/// Renders an article as CommonMark: `#` title, `##`… headings by level, nested lists, pipe tables,
/// quotes, definition lists as bold terms, citation markers linking to a numbered reference list,
/// the ISBNs, and the licence attribution at the end.
public enum MarkdownRenderer {
    public static func render(_ article: Article) -> String {
        var output = "# " + escapeInline(article.title) + "\n"
        let numbers = citationNumbers(article)
        for block in article.lead { output += "\n" + render(block, numbers: numbers) }
        func renderSection(_ section: Section) {
            let level = min(max(section.level, 2), 6)
            output += "\n" + String(repeating: "#", count: level) + " " + escapeInline(section.title) + "\n"
            for block in section.blocks { output += "\n" + render(block, numbers: numbers) }
            section.sections.forEach(renderSection)
        }
        article.sections.forEach(renderSection)
        let notes = article.references.filter { $0.kind == .note }
        if !notes.isEmpty {
            output += "\n## Notes\n\n"
            for (index, reference) in notes.enumerated() {
                let anchor = reference.id.map { "<a id=\"\(escapeAttribute($0))\"></a>" } ?? ""
                output += "\(index + 1). \(anchor)\(escapeInline(reference.text))\n"
            }
        }
        if !article.isbns.isEmpty {
            output += "\n## ISBNs\n\n"
            for isbn in article.isbns {
                let form = isbn.valid ? (isbn.isbn13 ?? isbn.text) : escapeInline(isbn.text) + " (invalid checksum)"
                output += "- " + form + "\n"
            }
        }
        if let license = article.license {
            output += "\n---\n\n"
            var line = "Licence: " + escapeInline(license.name)
            if let url = license.url { line += " (<" + url + ">)" }
            output += line + ". " + escapeInline(license.attribution) + "\n"
        }
        return output
    }

    /// Reference id → the number its marker shows (the position in the notes list).
    private static func citationNumbers(_ article: Article) -> [String: Int] {
        var numbers: [String: Int] = [:]
        for (index, reference) in article.references.filter({ $0.kind == .note }).enumerated() {
            if let id = reference.id { numbers[id] = index + 1 }
        }
        return numbers
    }

    private static func markers(_ cites: [String], numbers: [String: Int]) -> String {
        cites.compactMap { id in numbers[id].map { "[\\[\($0)\\]](#\(id))" } }.joined()
    }

    private static func render(_ block: Block, numbers: [String: Int]) -> String {
        switch block {
        case let .paragraph(text, cites):
            return escapeBlockStart(escapeInline(text)) + markers(cites, numbers: numbers) + "\n"
        case let .quote(text):
            return "> " + escapeInline(text) + "\n"
        case let .figure(caption, src):
            guard let src else { return "*" + escapeInline(caption) + "*\n" }
            return "![" + escapeInline(caption) + "](<" + src.replacingAll("<", with: "%3C").replacingAll(">", with: "%3E") + ">)\n"
        case let .definitions(items):
            return items.map { "**" + escapeInline($0.term) + "**  \n" + escapeInline($0.definition) + "\n" }.joined(separator: "\n")
        case let .list(ordered, items):
            var text = ""
            renderItems(items, ordered: ordered, indent: "", into: &text)
            return text
        case let .table(caption, rows):
            var text = ""
            if let caption, !caption.isEmpty { text += "**" + escapeInline(caption) + "**\n\n" }
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

/// Renders the article as plain text: the title, then headings and blocks each on their own lines,
/// separated by blank lines. The notes are listed under the article's own "References" (or "Notes")
/// heading when it has one, else under "Notes" at the end.
public enum PlainTextRenderer {
    public static func render(_ article: Article) -> String {
        var parts: [String] = [article.title]
        let notes = article.references.filter { $0.kind == .note }
        let notesText = notes.enumerated().map { "\($0.offset + 1). \($0.element.text)" }.joined(separator: "\n")
        var notesPlaced = notes.isEmpty
        for block in article.lead { parts.append(render(block)) }
        func renderSection(_ section: Section) {
            parts.append(section.title)
            for block in section.blocks { parts.append(render(block)) }
            if !notesPlaced, section.referenceKind == .note {
                parts.append(notesText)
                notesPlaced = true
            }
            section.sections.forEach(renderSection)
        }
        article.sections.forEach(renderSection)
        if !notesPlaced {
            parts.append("Notes")
            parts.append(notesText)
        }
        return parts.filter { !$0.isEmpty }.joined(separator: "\n\n") + "\n"
    }

    private static func render(_ block: Block) -> String {
        switch block {
        case let .paragraph(text, _), let .quote(text):
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
        case let .table(caption, rows):
            let body = rows.map { $0.map { $0.replacingAll("\n", with: " / ") }.joined(separator: " | ") }
            return ((caption.map { [$0] } ?? []) + body).joined(separator: "\n")
        }
    }
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
