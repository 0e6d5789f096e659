/// Gathers every ISBN of the finished article (prose, lists, tables, infobox, references and
/// book-source links), validated, deduplicated by ISBN-13, each with the places it sat.
///
/// At most ``Article/maximumISBNs`` distinct ISBNs are kept (a hostile page can hold a hundred thousand
/// digit runs); ``dropped`` counts the rest for the `isbn-limit` warning.
struct ISBNCollector {
    private(set) var isbns: [ISBN] = []
    private(set) var dropped = 0
    private var indexByKey: [String: Int] = [:]

    /// The ISBNs written in each reference's text come with it (``ReferenceReader`` found them there;
    /// the text is not scanned again).
    mutating func collect(body: ReconciledBody, infobox: [InfoboxField], references: [FoundReference]) {
        for (index, built) in body.lead.enumerated() { add(built) { "lead[\(index)]" } }
        for (index, section) in body.sections.enumerated() { add(section) { "sections[\(index)]" } }
        for (index, field) in infobox.enumerated() {
            let written = ISBNScanner.writtenISBNs(in: field.value)
            guard !written.isEmpty else { continue }
            let path = "infobox[\(index)]"
            for isbn in written { add(written: isbn, path: path) }
        }
        for (index, found) in references.enumerated() {
            // Book-source links of references are already validated into `isbns`.
            guard !found.writtenISBNs.isEmpty || !found.reference.isbns.isEmpty else { continue }
            let path = "references[\(index)]"
            for isbn in found.writtenISBNs { add(written: isbn, path: path) }
            for isbn13 in found.reference.isbns { add(written: isbn13, path: path) }
        }
    }

    /// A place's path is only spelled out when an ISBN is found there: most blocks hold none.
    private mutating func add(_ section: BuiltSection, path: () -> String) {
        for (index, built) in section.blocks.enumerated() { add(built) { "\(path()).blocks[\(index)]" } }
        for (index, subsection) in section.sections.enumerated() { add(subsection) { "\(path()).sections[\(index)]" } }
    }

    private mutating func add(_ built: BuiltBlock, path: () -> String) {
        var place: String?
        func spelled() -> String {
            if let place { return place }
            let made = path()
            place = made
            return made
        }
        built.block.forEachText { text in
            for written in ISBNScanner.writtenISBNs(in: text) { add(written: written, path: spelled()) }
        }
        for written in built.linkISBNs { add(written: written, path: spelled()) }
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
}
