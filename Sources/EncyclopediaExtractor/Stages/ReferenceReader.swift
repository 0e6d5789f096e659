import Foundation

/// Turns notes lists and reference-like lists into ``Reference``s, classifying each by what it is:
/// a notes list is notes wherever it sits; a list under a misnamed heading is judged by its items.
/// A reference as read, with the ISBNs written in its text (in order, as written), which the ISBN
/// collector records without scanning the text again.
struct FoundReference {
    var reference: Reference
    var writtenISBNs: [String]
}

enum ReferenceReader {
    struct Output {
        var references: [FoundReference] = []
        var warnings: [Warning] = []
    }

    /// - Parameters:
    ///   - language: the page's language, for reading the titles of table of contents entries.
    ///   - markerLabels: what the page's citation markers print for each note id ("2", "a", "note 3").
    static func read(body: ReconciledBody, language: String?, markerLabels: [String: String]) -> Output {
        var output = Output()
        var notes: [FoundReference] = []
        var others: [FoundReference] = []
        // The reference sections the table of contents lists but the body lacks: where they went, a
        // list of references under an ordinary heading is misplaced (the seed page's "References").
        let lostKinds = Set(body.entriesWithoutHeading.compactMap {
            LanguageProfile.referenceKind(forTitle: $0.title, language: language)
        })

        func addNotes(_ lists: [[RawNote]], in section: BuiltSection?) {
            for list in lists {
                for note in list {
                    // The label the page prints: its markers', else its list's number in the list's style.
                    let label = note.id.flatMap { markerLabels[$0] } ?? note.style.label(note.number)
                    let group = note.style != .decimal ? note.style.rawValue : CitationLabels.group(inLabel: label)
                    var found = reference(kind: .note, number: 0, id: note.id, text: note.text,
                                          urls: note.urls, linkISBNs: note.linkISBNs)
                    found.reference.label = label
                    found.reference.group = group
                    notes.append(found)
                }
                guard let section, !list.isEmpty else { continue }
                // Notes beside notes or a bibliography are where pages keep them (in any language, under
                // any title a page gives its notes); only a section that announces links, or a page
                // that lost its notes heading, disagrees with itself.
                let misplaced: Bool
                switch section.referenceKind {
                case .some(.externalLink), .some(.seeAlso): misplaced = true
                case .some(.note), .some(.bibliography): misplaced = false
                case .none: misplaced = lostKinds.contains(.note)
                }
                if misplaced {
                    output.warnings.append(Warning(
                        code: .misplacedNotes,
                        message: "The notes list (\(list.count) notes) sits under \"\(section.title)\"; its entries are read as notes."))
                }
            }
        }

        addNotes(body.leadNotes, in: nil)
        func visit(_ section: BuiltSection) {
            addNotes(section.notes, in: section)
            let sectionKind = section.referenceKind
            var prose = 0
            for built in section.blocks {
                switch built.block {
                case let .list(_, items):
                    let classified = classify(items: items, links: built.itemLinks, sectionKind: sectionKind)
                    guard let classified else { continue }
                    for entry in classified {
                        others.append(reference(kind: entry.kind, number: 0, id: nil, text: entry.text, urls: entry.urls,
                                                linkISBNs: built.linkISBNs.isEmpty ? [] : built.linkISBNs.filter { entry.text.containsBytes($0) }))
                    }
                    // A list of books or links under an ordinary heading is the article's own (works,
                    // discography) unless the page lost the heading such lists belong under.
                    if sectionKind == nil, !lostKinds.isEmpty {
                        let kinds = Set(classified.map(\.kind.rawValue)).sorted().joined(separator: ", ")
                        output.warnings.append(Warning(
                            code: .misplacedReferences,
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
                    code: .misplacedProse,
                    message: "The section \"\(section.title)\" holds \(prose) paragraph(s) of prose, not links; they are kept where they stand."))
            }
            section.sections.forEach(visit)
        }
        body.sections.forEach(visit)

        let order: [Reference.Kind] = [.bibliography, .externalLink, .seeAlso]
        others.sort {
            (order.firstIndex(of: $0.reference.kind) ?? order.count) < (order.firstIndex(of: $1.reference.kind) ?? order.count)
        }
        // Numbers are positions: unique in the article, whatever groups and lists the page has.
        output.references = notes + others
        for index in output.references.indices { output.references[index].reference.number = index + 1 }
        return output
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
    ) -> FoundReference {
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
        return FoundReference(reference: reference, writtenISBNs: written)
    }
}
