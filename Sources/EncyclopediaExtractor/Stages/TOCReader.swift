import HTMLTree

/// The page's table of contents box and its entries.
struct TableOfContents {
    var box: Node
    var entries: [TOCEntry]
}

/// Finds the table of contents box and reads its entries, whether the number is printed before
/// or after the title, with or without MediaWiki's `tocnumber`/`toctext` spans.
enum TOCReader {
    static func read(in root: Node) -> TableOfContents? {
        guard let box = findBox(in: root) else { return nil }
        var entries: [TOCEntry] = []
        for item in box.descendants(.elements(named: .li)) {
            if let entry = entry(for: item, in: box) { entries.append(entry) }
        }
        guard !entries.isEmpty else { return nil }
        return TableOfContents(box: box, entries: entries)
    }

    /// The Vector 2022 skin's sidebar contents (`vector-toc`), outside the article's container.
    static func readSidebar(in document: Node) -> TableOfContents? {
        // Only elements whose class holds the word's bytes (in any case) are looked at: most pages have
        // no sidebar, and testing every node's class words cost more than reading a sidebar does.
        guard let box = document.descendants(.elements(withAttribute: [.class], containing: sidebarFilter))
            .first(where: { $0.hasClassToken(Selectors.sidebarTOCClass) })
        else {
            return nil
        }
        var entries: [TOCEntry] = []
        for item in box.descendants where item.isElement(.li) {
            let tokens = item.classTokens
            guard tokens.contains(Selectors.sidebarTOCItemClass),
                let link = item.childElements.first(where: { $0.isElement(.a) })
            else { continue }
            // The title is the link's text without its number, however it is marked up (a span of
            // its own, italics and dashes inside it, or loose text beside the number).
            let numberSpan = link.descendants.first { $0.isElement(.span) && $0.hasClassToken(Selectors.sidebarTOCNumberClass) }
            let number = numberSpan?.text ?? ""
            let title = InlineGatherer.gather(link, excluding: numberSpan.map { [$0] } ?? []).text
            // The "(Top)" entry has no number: it is the lead, not a section.
            guard !number.isEmpty, !title.isEmpty else { continue }
            let level = tokens.compactMap {
                $0.hasPrefix(Selectors.sidebarTOCLevelPrefix) ? Int($0.dropFirst(Selectors.sidebarTOCLevelPrefix.count)) : nil
            }.first ?? levelFromNumber(number) ?? 1
            var anchor: String?
            if let href = link.attribute(.href), let hash = href.firstIndex(of: "#") {
                anchor = String(href[href.index(after: hash)...])
            }
            entries.append(TOCEntry(number: number, title: title, level: level, anchor: anchor))
        }
        return entries.isEmpty ? nil : TableOfContents(box: box, entries: entries)
    }

    private static let sidebarFilter = PhraseSet([Selectors.sidebarTOCClass.description])

    /// The element with id `toc` or a `toc` class word; else the container of `toctext` spans.
    static func findBox(in root: Node) -> Node? {
        var firstTocText: Node?
        // Every id and class word looked for holds "toc": other elements are passed over.
        for node in root.descendants(.elements(withAttribute: [.id, .class], containing: Selectors.tocWord)) {
            if node.attribute(.id, equals: Selectors.tocBoxID) { return node }
            if node.hasClassToken(Selectors.tocBoxClass)
                || node.hasClassToken(Selectors.tocColoursClass) && node.text.lowercased().hasPrefix("contents")
            {
                return node
            }
            if firstTocText == nil, node.hasClassToken(Selectors.tocTextClass) { firstTocText = node }
        }
        guard let firstTocText else { return nil }
        // The outermost list holding the entries, then its container.
        var outermostList: Node?
        var current = firstTocText.parent
        while let element = current {
            if element.isElement(.ul) || element.isElement(.ol) { outermostList = element }
            current = element.parent
            if let outermostList, element != outermostList, !(element.isElement(.li)) { break }
        }
        return outermostList?.parent ?? outermostList
    }

    static func entry(for item: Node, in box: Node) -> TOCEntry? {
        guard let link = item.childElements.first(where: { $0.isElement(.a) }) ?? firstLink(in: item) else {
            return nil
        }
        var number: String?
        var title: String?
        for span in link.descendants where span.isElement {
            if span.hasClassToken(Selectors.tocNumberClass) { number = span.text }
            if span.hasClassToken(Selectors.tocTextClass) { title = span.text }
        }
        if number == nil || title == nil {
            let split = splitNumber(from: link.text)
            number = number ?? split.number
            title = title ?? split.title
        }
        guard let title, !title.isEmpty else { return nil }
        let resolvedNumber = number ?? ""
        let level = levelFromClass(item) ?? levelFromNumber(resolvedNumber) ?? nesting(of: item, in: box)
        var anchor: String?
        if let href = link.attribute(.href), let hash = href.firstIndex(of: "#") {
            let fragment = String(href[href.index(after: hash)...])
            anchor = fragment.isEmpty ? nil : fragment
        }
        return TOCEntry(number: resolvedNumber, title: title, level: level, anchor: anchor)
    }

    private static func firstLink(in item: Node) -> Node? {
        item.firstDescendant(.elements(named: .a))
    }

    /// Splits "1.2 Title" or "Title 1.2" into number and title.
    static func splitNumber(from text: String) -> (number: String?, title: String) {
        let words = text.split(separator: " ").map(String.init)
        guard words.count >= 2 else { return (nil, text) }
        if isSectionNumber(words[0]) { return (words[0], words.dropFirst().joined(separator: " ")) }
        if let last = words.last, isSectionNumber(last) { return (last, words.dropLast().joined(separator: " ")) }
        return (nil, text)
    }

    /// "1", "2.3", "4.1.2" (a trailing dot allowed).
    static func isSectionNumber(_ word: String) -> Bool {
        var trimmed = Substring(word)
        if trimmed.hasSuffix(".") { trimmed = trimmed.dropLast() }
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        return !parts.isEmpty && parts.allSatisfy { !$0.isEmpty && $0.count <= 3 && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    private static func levelFromClass(_ item: Node) -> Int? {
        for token in item.classTokens where token.hasPrefix(Selectors.tocLevelPrefix) {
            if let level = Int(token.dropFirst(Selectors.tocLevelPrefix.count)) { return level }
        }
        return nil
    }

    private static func levelFromNumber(_ number: String) -> Int? {
        guard isSectionNumber(number) else { return nil }
        var trimmed = Substring(number)
        if trimmed.hasSuffix(".") { trimmed = trimmed.dropLast() }
        return trimmed.split(separator: ".").count
    }

    private static func nesting(of item: Node, in box: Node) -> Int {
        var level = 0
        var current = item.parent
        while let element = current, element != box {
            if element.isElement(.ul) || element.isElement(.ol) { level += 1 }
            current = element.parent
        }
        return max(level, 1)
    }
}
