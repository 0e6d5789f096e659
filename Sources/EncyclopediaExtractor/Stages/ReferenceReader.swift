import Foundation

/// Turns notes lists and reference-like lists into ``Reference``s, classifying each by what it is:
/// a notes list is notes wherever it sits; a list under a misnamed heading is judged by its items.
enum ReferenceReader {
    struct Output {
        var references: [Reference] = []
        /// For each reference, the ISBNs written in its text, in order.
        var writtenISBNs: [[String]] = []
        var warnings: [Warning] = []
    }

    static func read(body: ReconciledBody) -> Output {
        var output = Output()
        var notes: [(reference: Reference, written: [String])] = []
        var others: [(reference: Reference, written: [String])] = []

        func addNotes(_ lists: [[RawNote]], under title: String?) {
            for list in lists {
                for note in list {
                    notes.append(reference(kind: .note, number: note.number, id: note.id, text: note.text,
                                           urls: note.urls, linkISBNs: note.linkISBNs))
                }
                guard let title, !list.isEmpty else { continue }
                if kind(forTitle: title) != .note {
                    output.warnings.append(Warning(
                        code: "misplaced-notes",
                        message: "The notes list (\(list.count) notes) sits under \"\(title)\"; its entries are read as notes."))
                }
            }
        }

        addNotes(body.leadNotes, under: nil)
        func visit(_ section: BuiltSection) {
            addNotes(section.notes, under: section.title)
            let sectionKind = kind(forTitle: section.title)
            var prose = 0
            for built in section.blocks {
                switch built.block {
                case let .list(_, items):
                    let classified = classify(items: items, links: built.itemLinks, sectionKind: sectionKind)
                    guard let classified else { continue }
                    for entry in classified {
                        others.append(reference(kind: entry.kind, number: 0, id: nil, text: entry.text, urls: entry.urls,
                                                linkISBNs: built.linkISBNs.filter { entry.text.contains($0) }))
                    }
                    if sectionKind == nil {
                        let kinds = Set(classified.map(\.kind.rawValue)).sorted().joined(separator: ", ")
                        output.warnings.append(Warning(
                            code: "misplaced-references",
                            message: "A list of \(classified.count) reference entries (\(kinds)) sits under \"\(section.title)\"; its entries are read as references."))
                    }
                case .paragraph:
                    prose += 1
                default:
                    break
                }
            }
            if prose > 0, sectionKind == .seeAlso || sectionKind == .externalLink {
                output.warnings.append(Warning(
                    code: "misplaced-prose",
                    message: "The section \"\(section.title)\" holds \(prose) paragraph(s) of prose, not links; they are kept where they stand."))
            }
            section.sections.forEach(visit)
        }
        body.sections.forEach(visit)

        let order: [Reference.Kind] = [.bibliography, .externalLink, .seeAlso]
        others.sort {
            (order.firstIndex(of: $0.reference.kind) ?? order.count) < (order.firstIndex(of: $1.reference.kind) ?? order.count)
        }
        output.references = notes.map(\.reference)
        output.writtenISBNs = notes.map(\.written)
        for (reference, written) in others {
            var numbered = reference
            numbered.number = output.references.count + 1
            output.references.append(numbered)
            output.writtenISBNs.append(written)
        }
        return output
    }

    /// The reference kind a section title announces, or nil for an ordinary section.
    static func kind(forTitle title: String) -> Reference.Kind? {
        let lowered = title.lowercased().trimmingSpaces()
        return Selectors.referenceSectionKinds.first { $0.titles.contains(lowered) }?.kind
    }

    private struct Entry {
        var kind: Reference.Kind
        var text: String
        var urls: [String]
    }

    /// A see-also entry is mostly a link: at least this share of its text is link text.
    /// ("Khrushchev Thaw" or "List of Soviet leaders – the chronology" qualify; a sentence of prose
    /// with no link, which is what misplaced content under "See also" looks like, does not.)
    static let seeAlsoMinimumLinkShare = 0.4

    /// Classifies a list's items. Bibliography and notes sections make every item a book or paper.
    /// "External links" items need a link out (or an ISBN, which makes them books); "See also" items
    /// must be mostly a link. Elsewhere a list counts only when every item is plainly a reference:
    /// it has an ISBN or links out. A list that fails its section's test is prose and stays only a block.
    private static func classify(items: [ListItem], links: [ItemLinks], sectionKind: Reference.Kind?) -> [Entry]? {
        var entries: [Entry] = []
        for (index, item) in items.enumerated() {
            let itemLinks = index < links.count ? links[index] : ItemLinks(urls: [], linkShare: 0)
            let hasISBN = !ISBNScanner.writtenISBNs(in: item.text).isEmpty
            let kind: Reference.Kind
            switch sectionKind {
            case .some(.note), .some(.bibliography):
                kind = .bibliography
            case .some(.externalLink):
                if !itemLinks.urls.isEmpty {
                    kind = .externalLink
                } else if hasISBN {
                    kind = .bibliography
                } else {
                    return nil
                }
            case .some(.seeAlso):
                if itemLinks.linkShare >= seeAlsoMinimumLinkShare {
                    kind = .seeAlso
                } else if hasISBN {
                    kind = .bibliography
                } else if !itemLinks.urls.isEmpty {
                    kind = .externalLink
                } else {
                    return nil
                }
            case .none:
                if hasISBN {
                    kind = .bibliography
                } else if !itemLinks.urls.isEmpty {
                    kind = .externalLink
                } else {
                    return nil
                }
            }
            entries.append(Entry(kind: kind, text: item.text, urls: itemLinks.urls))
        }
        return entries.isEmpty ? nil : entries
    }

    /// A reference, and the ISBNs written in its text.
    private static func reference(
        kind: Reference.Kind, number: Int, id: String?, text: String, urls: [String], linkISBNs: [String]
    ) -> (reference: Reference, written: [String]) {
        let written = ISBNScanner.writtenISBNs(in: text)
        var isbns: [String] = []
        for candidate in written + linkISBNs {
            if let record = ISBNCodec.record(forWritten: candidate), record.valid, let isbn13 = record.isbn13,
                !isbns.contains(isbn13)
            {
                isbns.append(isbn13)
            }
        }
        let reference = Reference(number: number, id: id, kind: kind, text: text, urls: urls, isbns: isbns,
                                  retrieved: RetrievedDate.isoDate(in: text))
        return (reference, written)
    }
}
