import Foundation

/// A section as built, before it becomes the public ``Section``.
struct BuiltSection {
    var title: String
    var level: Int
    var anchor: String?
    /// The references the section holds by its title (or its enclosing section's), or nil.
    var referenceKind: Reference.Kind?
    var blocks: [BuiltBlock] = []
    var sections: [BuiltSection] = []
    /// Notes lists that stood in this section.
    var notes: [[RawNote]] = []

    var publicSection: Section {
        Section(title: title, level: level, anchor: anchor, blocks: blocks.map(\.block),
                sections: sections.map(\.publicSection), referenceKind: referenceKind)
    }
}

/// The body as sections, with what the table of contents says about it.
struct ReconciledBody {
    var lead: [BuiltBlock] = []
    var leadNotes: [[RawNote]] = []
    var sections: [BuiltSection] = []
    /// Table of contents entries with no heading in the body.
    var entriesWithoutHeading: [TOCEntry] = []
    var warnings: [Warning] = []
}

/// Builds nested sections from the walk's events and checks them against the table of contents:
/// TOC entries with no heading, headings not in the TOC, sections out of TOC order; restores a
/// missing first section where the TOC box makes it unambiguous.
enum Reconciler {
    private struct FlatSection {
        var title: String
        var level: Int
        var anchor: String?
        var referenceKind: Reference.Kind?
        var blocks: [BuiltBlock] = []
        var notes: [[RawNote]] = []
        var restored = false
    }

    /// - Parameter language: the page's language, for the kind of a section restored from the TOC.
    static func reconcile(events: [BodyEvent], toc: [TOCEntry], repair: Bool, language: String?) -> ReconciledBody {
        var result = ReconciledBody()
        var flat: [FlatSection] = []
        var afterTOC: [BuiltBlock] = []
        var afterTOCNotes: [[RawNote]] = []
        var seenTOC = false
        for event in events {
            switch event {
            case let .heading(level, title, anchor, referenceKind):
                flat.append(FlatSection(title: title, level: level, anchor: anchor, referenceKind: referenceKind))
            case let .block(block):
                if flat.isEmpty {
                    if seenTOC { afterTOC.append(block) } else { result.lead.append(block) }
                } else {
                    flat[flat.count - 1].blocks.append(block)
                }
            case let .notes(notes):
                if flat.isEmpty {
                    if seenTOC { afterTOCNotes.append(notes) } else { result.leadNotes.append(notes) }
                } else {
                    flat[flat.count - 1].notes.append(notes)
                }
            case .tableOfContents:
                seenTOC = true
            }
        }

        // Match TOC entries to body headings: by anchor first, then by title; each entry takes the
        // first heading in body order not already taken. Headings are indexed once by anchor and by
        // comparable title, so matching stays linear however long the TOC.
        var matchedHeading: [Int?] = Array(repeating: nil, count: toc.count)
        var headingEntry: [Int?] = Array(repeating: nil, count: flat.count)
        var headingsByAnchor: [String: [Int]] = [:]
        var headingsByTitle: [String: [Int]] = [:]
        for (index, section) in flat.enumerated().reversed() {
            if let anchor = section.anchor { headingsByAnchor[anchor, default: []].append(index) }
            headingsByTitle[comparable(section.title), default: []].append(index)
        }
        /// Pops the first heading of `key`'s list (kept in reverse body order) not yet matched.
        func take(_ key: String, from index: inout [String: [Int]]) -> Int? {
            while let candidate = index[key]?.popLast() {
                if headingEntry[candidate] == nil { return candidate }
            }
            return nil
        }
        for (entryIndex, entry) in toc.enumerated() {
            if let anchor = entry.anchor, let index = take(anchor, from: &headingsByAnchor) {
                matchedHeading[entryIndex] = index
                headingEntry[index] = entryIndex
            }
        }
        for (entryIndex, entry) in toc.enumerated() where matchedHeading[entryIndex] == nil {
            if let index = take(comparable(entry.title), from: &headingsByTitle) {
                matchedHeading[entryIndex] = index
                headingEntry[index] = entryIndex
            }
        }

        var restoredWarning: Warning?
        // Repair: blocks between the TOC box and the first heading belong to the first TOC entry when
        // that entry has no heading in the body (MediaWiki places the box right before it).
        if repair, let first = toc.first, matchedHeading[0] == nil, !afterTOC.isEmpty {
            let kind = BodyWalker.referenceKind(ofTitle: first.title, language: language, enclosing: nil)
            flat.insert(FlatSection(title: first.title, level: first.level + 1, anchor: first.anchor, referenceKind: kind,
                                    blocks: afterTOC, notes: afterTOCNotes, restored: true), at: 0)
            headingEntry.insert(0, at: 0)
            matchedHeading = matchedHeading.map { $0.map { $0 + 1 } }
            matchedHeading[0] = 0
            restoredWarning = Warning(
                code: .sectionRestored,
                message: "Restored the heading \"\(first.title)\" (table of contents entry \(first.number)) over \(afterTOC.count) block(s) that followed the table of contents; the page lacks the heading.")
        } else {
            result.lead += afterTOC
            result.leadNotes += afterTOCNotes
        }

        if !toc.isEmpty {
            for (entryIndex, entry) in toc.enumerated()
            where matchedHeading[entryIndex] == nil || flat[matchedHeading[entryIndex] ?? 0].restored {
                result.entriesWithoutHeading.append(entry)
                result.warnings.append(Warning(
                    code: .tocHeadingMissing,
                    message: "Table of contents entry \(entry.number) \"\(entry.title)\" has no heading in the body."))
            }
            if let restoredWarning { result.warnings.append(restoredWarning) }
            for (index, section) in flat.enumerated() where headingEntry[index] == nil {
                result.warnings.append(Warning(
                    code: .headingNotInTOC,
                    message: "The heading \"\(section.title)\" is not in the table of contents."))
            }
            var previous: (entry: Int, title: String)?
            for (index, section) in flat.enumerated() {
                guard let entry = headingEntry[index] else { continue }
                if let last = previous, entry < last.entry {
                    result.warnings.append(Warning(
                        code: .sectionOrder,
                        message: "The section \"\(section.title)\" (table of contents entry \(toc[entry].number)) comes after \"\(last.title)\" (entry \(toc[last.entry].number)) in the body, unlike the table of contents."))
                }
                previous = (entry, section.title)
            }
        }

        result.sections = nest(flat)
        return result
    }

    /// Titles compared without case, punctuation or spacing differences.
    static func comparable(_ title: String) -> String {
        var text = title
        // An ASCII title (most are) is folded and filtered byte by byte, without Unicode tables.
        let ascii = text.withUTF8 { bytes -> String? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { output in
                var count = 0
                for byte in bytes where ASCII.isLetterOrDigit(byte) {
                    output[count] = ASCII.lowercased(byte)
                    count += 1
                }
                return count
            }
        }
        return ascii ?? String(title.fastLowercased().unicodeScalars.filter(\.isLetterOrDigit))
    }

    /// Nests flat sections by level: a heading deeper than the one before it opens a subsection.
    private static func nest(_ flat: [FlatSection]) -> [BuiltSection] {
        var roots: [BuiltSection] = []
        var stack: [BuiltSection] = []
        func closeTop() {
            let top = stack.removeLast()
            if stack.isEmpty { roots.append(top) } else { stack[stack.count - 1].sections.append(top) }
        }
        for section in flat {
            while let top = stack.last, top.level >= section.level { closeTop() }
            stack.append(BuiltSection(title: section.title, level: section.level, anchor: section.anchor,
                                      referenceKind: section.referenceKind, blocks: section.blocks, notes: section.notes))
        }
        while !stack.isEmpty { closeTop() }
        return roots
    }
}
