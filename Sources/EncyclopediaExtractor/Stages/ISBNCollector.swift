/// Gathers every ISBN of the finished article (prose, lists, tables, infobox, references and
/// book-source links), validated, deduplicated by ISBN-13, each with the places it sat.
///
/// At most ``Article/maximumISBNs`` distinct ISBNs are kept (a hostile page can hold a hundred thousand
/// digit runs); ``dropped`` counts the rest for the `isbn-limit` warning.
struct ISBNCollector {
    private(set) var isbns: [ISBN] = []
    private(set) var dropped = 0
    private var indexByKey: [String: Int] = [:]

    mutating func collect(body: ReconciledBody, infobox: [InfoboxField], references: [Reference]) {
        for (index, built) in body.lead.enumerated() { add(built, path: "lead[\(index)]") }
        for (index, section) in body.sections.enumerated() { add(section, path: "sections[\(index)]") }
        for (index, field) in infobox.enumerated() { scan(field.value, path: "infobox[\(index)]") }
        for (index, reference) in references.enumerated() {
            scan(reference.text, path: "references[\(index)]")
            // Book-source links of references are already validated into `isbns`.
            for isbn13 in reference.isbns { add(written: isbn13, path: "references[\(index)]") }
        }
    }

    private mutating func add(_ section: BuiltSection, path: String) {
        for (index, built) in section.blocks.enumerated() { add(built, path: "\(path).blocks[\(index)]") }
        for (index, subsection) in section.sections.enumerated() { add(subsection, path: "\(path).sections[\(index)]") }
    }

    private mutating func add(_ built: BuiltBlock, path: String) {
        for text in Self.texts(of: built.block) { scan(text, path: path) }
        for written in built.linkISBNs { add(written: written, path: path) }
    }

    private mutating func scan(_ text: String, path: String) {
        for written in ISBNScanner.writtenISBNs(in: text) { add(written: written, path: path) }
    }

    private mutating func add(written: String, path: String) {
        guard let record = ISBNCodec.record(forWritten: written) else { return }
        let key = record.valid ? (record.isbn13 ?? written) : "invalid:" + (ISBNCodec.compact(written) ?? written)
        if let existing = indexByKey[key] {
            // Places arrive in document order, so a repeat within one place is always the last one.
            if isbns[existing].foundIn.last != path { isbns[existing].foundIn.append(path) }
            return
        }
        guard isbns.count < Article.maximumISBNs else {
            dropped += 1
            return
        }
        var stored = record
        stored.foundIn = [path]
        indexByKey[key] = isbns.count
        isbns.append(stored)
    }

    /// Every text a block shows.
    static func texts(of block: Block) -> [String] {
        switch block {
        case let .paragraph(text, _), let .quote(text):
            return [text]
        case let .list(_, items):
            var result: [String] = []
            func walk(_ items: [ListItem]) {
                for item in items {
                    result.append(item.text)
                    walk(item.items)
                }
            }
            walk(items)
            return result
        case let .table(caption, rows):
            return (caption.map { [$0] } ?? []) + rows.flatMap { $0 }
        case let .figure(caption, _):
            return [caption]
        case let .definitions(items):
            return items.flatMap { [$0.term, $0.definition] }
        }
    }
}
