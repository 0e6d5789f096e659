import HTMLTree

/// The one judge of what is site chrome rather than article: the body walk asks it once for each
/// element it meets, and the rule it answers with is what `encx inspect` shows for the removal.
///
/// It judges by element (`nav`, `aside`, `footer`), by id and class words ("sidebar", "navbox"), by
/// short texts ("Email this Article") and box headings ("Related eBooks"), and by link density (a
/// box that is mostly links and holds no heading or paragraph). The title, the body container and
/// their ancestors are never chrome. Elements that are never content anywhere (scripts, styles, form
/// controls) are taken out before, by ``removeJunk(from:log:)``; prose asks ``isInlineChrome(_:)``
/// for the widgets inside sentences.
struct ChromeFilter {
    /// What the filter says about an element.
    enum Verdict: Equatable {
        /// Article content: the walk reads it.
        case content
        /// A table that lays the page out rather than holding data: the walk reads inside it.
        case layout
        /// Site chrome, by the rule named.
        case chrome(String)
    }

    /// Where the walk stands when it asks: link-dense lists and boxes are content in a reference
    /// section, and lists are only judged by their links before the first heading.
    struct Position {
        var inReferenceSection = false
        var afterFirstHeading = false
    }

    /// Ancestors of the title and of the body anchor: never chrome.
    let protected: NodeSet
    /// The contents box: a box opening with a chrome heading that holds it is not chrome.
    let toc: Node?

    /// A link-dense box (a side column, a footer menu) holds at least this many links …
    static let linkBoxMinimumLinks = 3
    /// … and at least this share of its text is link text. Prose paragraphs in these pages run well
    /// under 30% link text; menus and "Related eBooks" boxes run over 80%.
    static let linkBoxMinimumShare = 0.7
    /// Link-density is only measured on boxes this short: side boxes are small, article containers
    /// are not, and the bound keeps the measurement linear.
    static let linkBoxMaximumText = 3000
    /// … and on boxes of at most this many nodes (an empty-element maze has no text to stop at).
    static let linkBoxMaximumNodes = 2000
    /// Chrome phrases and box headings are short and near the top of their box: the searches for
    /// them give up after this many nodes.
    static let shortTextMaximumNodes = 400
    /// A chrome phrase makes up the whole text of an element of at most this many characters.
    static let chromePhraseMaximumLength = 60
    /// How many characters of a box's first text are compared with the chrome box headings (longer
    /// than the longest heading and its colon).
    static let boxHeadingWindow = 32

    // MARK: Judging an element

    /// The verdict on `node`, an element named `name` that the walk has reached.
    func verdict(on node: Node, name: HTMLName, at position: Position) -> Verdict {
        let isProtected = protected.contains(node)
        if !isProtected {
            if Selectors.chromeElementNames.contains(name) { return .chrome("chrome element <\(node.name)>") }
            // A heading's id is its section's name ("Personal_life", "Search_for_the_source"), not a
            // statement about chrome: only its classes count.
            if let marker = Self.classWordMarker(of: node, includingID: !Selectors.headingElementNames.contains(name)) {
                return .chrome("chrome id/class word '\(marker)'")
            }
            if let phrase = chromePhrase(node, name: name) { return .chrome("chrome text '\(phrase)'") }
        }
        switch name {
        case .ul, .ol:
            if isProtected || position.inReferenceSection || NotesReader.isNotesList(node) || node.hasClassToken(Selectors.galleryClass) {
                return .content
            }
            // Inside the article's sections a list is content; only lists before the first heading
            // (menus just below the title) are judged by their links.
            if !position.afterFirstHeading, isLinkBox(node) { return .chrome("link-dense list outside a links section") }
        case .table:
            if BlockReader.isInfobox(node) { return .content }
            if BlockReader.isLayoutTable(node) { return .layout }
            if !isProtected, !position.inReferenceSection, isLinkBox(node) {
                if Self.isListLayout(node, at: position) { return .layout }
                return .chrome("link-dense table")
            }
        case .div, .td, .section:
            if isProtected || position.inReferenceSection || Selectors.figureClasses.contains(where: { node.hasClassToken($0) }) {
                return .content
            }
            if isLinkBox(node), !Self.isListLayout(node, at: position) { return .chrome("link-dense box") }
        default:
            break
        }
        return .content
    }

    /// The notes lists inside a subtree judged chrome: a notes list belongs to the article wherever a
    /// template put it (a navigation box's own footnotes are still the page's `cite_note`s).
    static func notesLists(inside node: Node) -> [Node] {
        var lists: [Node] = []
        for marked in node.descendants(.elements(withAttribute: [.class, .id], containing: notesListWords)) {
            if let last = lists.last, last.contains(marked) { continue }
            // The list itself, or (for a list marked only by its items' ids) the item's list.
            let list = marked.isElement(in: notesListNames) ? marked : marked.isElement(.li) ? marked.parent : nil
            guard let list, list.isElement(in: notesListNames), node.contains(list), NotesReader.isNotesList(list) else { continue }
            lists.append(list)
        }
        return lists
    }

    /// The words a notes list, or the items of one, carries in its class or ids.
    private static let notesListWords = PhraseSet(["references", "cite_note", "_note-"])
    private static let notesListNames = HTMLNameSet(["ol", "ul"])

    // MARK: Class words

    /// Every chrome word, and the longer word of every chrome pair (a pair needs both): an id or class
    /// holding none of these as a substring (in any case) cannot be marked, and is passed over unsplit.
    static let classWordFilter = PhraseSet(Array(Selectors.chromeWords).sorted() + Selectors.chromeWordPairs.sorted().map { pair in
        String(pair.split(separator: " ").max { $0.count < $1.count } ?? Substring(pair))
    })

    /// The chrome word or pair that marks `element`, or nil when its id and class look like content.
    static func classWordMarker(of element: Node, includingID: Bool = true) -> String? {
        guard ClassWords.mayHold(classWordFilter, in: element, includingID: includingID) else { return nil }
        let words = ClassWords.words(of: element, includingID: includingID)
        guard !words.isEmpty else { return nil }
        if let decisive = words.first(where: { Selectors.decisiveChromeWords.contains($0) }) { return decisive }
        if words.contains(where: { Selectors.bodyWords.contains($0) }) { return nil }
        for index in words.indices {
            if Selectors.chromeWords.contains(words[index]) { return words[index] }
            if index + 1 < words.count {
                let pair = words[index] + " " + words[index + 1]
                if Selectors.chromeWordPairs.contains(pair) { return pair }
            }
        }
        return nil
    }

    /// True for chrome inside prose: coordinates widgets, inline share buttons, edit links. Ids inside
    /// prose are anchors, so only classes count, and the one widget id MediaWiki uses.
    static func isInlineChrome(_ element: Node, name: HTMLName) -> Bool {
        Selectors.inlineChromeCarriers.contains(name)
            && (classWordMarker(of: element, includingID: false) != nil || element.attribute(.id, equals: Selectors.inlineChromeID))
    }

    // MARK: Texts

    /// The chrome phrase that makes up the whole short text of `node`, or that opens a chrome box.
    private func chromePhrase(_ node: Node, name: HTMLName) -> String? {
        if let short = shortText(node, limit: Self.chromePhraseMaximumLength), Selectors.chromePhrases.contains(short.fastLowercased()) {
            return short
        }
        return chromeBoxHeading(node, name: name)
    }

    /// "Related eBooks", "Collections": a box that opens with one of these (and does not hold the
    /// contents box) is chrome.
    private func chromeBoxHeading(_ node: Node, name: HTMLName) -> String? {
        guard Selectors.chromeBoxElements.contains(name) else { return nil }
        guard let text = firstText(node) else { return nil }
        // Only the opening matters (the headings are short): a long first text is not lowercased whole.
        let head = String(text.prefix(Self.boxHeadingWindow))
        let complete = head.utf8.count == text.utf8.count
        let first = head.fastLowercased()
        guard let heading = Selectors.chromeBoxHeadings.first(where: {
            first.hasPrefix($0) && ((complete && first.utf8.count == $0.utf8.count) || first.dropFirst($0.count).first == ":")
        }) else {
            return nil
        }
        if let toc, node.contains(toc) { return nil }
        return heading
    }

    /// The node's text when it is at most `limit` characters, else nil (stops reading past the limit).
    private func shortText(_ node: Node, limit: Int) -> String? {
        guard let text = node.shortText(maximumBytes: limit * 4, maximumNodes: Self.shortTextMaximumNodes) else { return nil }
        // A text of at most `limit` bytes has at most `limit` characters: counted only when longer.
        return text.utf8.count <= limit || text.characterCount <= limit ? text : nil
    }

    /// The first non-blank text in the subtree (a box's heading).
    private func firstText(_ node: Node) -> String? {
        for (visited, descendant) in node.descendants.enumerated() {
            if visited >= Self.shortTextMaximumNodes { return nil }
            guard descendant.kind == .text else { continue }
            let text = descendant.text
            if !text.isEmpty { return text }
        }
        return nil
    }

    // MARK: Link density

    /// True for a table or box inside the article's sections that only sets lists out (in columns: a
    /// list of winners, of works): every link stands in a list item. Inside the sections a list is
    /// content, so lists set out this way are too.
    private static func isListLayout(_ box: Node, at position: Position) -> Bool {
        guard position.afterFirstHeading else { return false }
        return box.descendants(.elements(named: .a)).allSatisfy { link in
            link.isOrHasAncestor(below: box, where: { $0.isElement(.li) })
        }
    }

    /// True for a box of links: enough links, mostly link text, no headings or paragraphs.
    private func isLinkBox(_ node: Node) -> Bool {
        var links = 0
        var linkText = 0
        var allText = 0
        // The links the walk is inside: the walk goes in document order, so a link that does not hold
        // the current node holds none of those after it either.
        var openLinks: [Node] = []
        for (visited, descendant) in node.descendants.enumerated() {
            if visited >= Self.linkBoxMaximumNodes { return false }
            if let name = descendant.elementName {
                switch name {
                case .h1, .h2, .h3, .h4, .h5, .h6, .p: return false
                case .a:
                    links += 1
                    while let last = openLinks.last, !last.contains(descendant) { openLinks.removeLast() }
                    openLinks.append(descendant)
                default: break
                }
                continue
            }
            guard descendant.isText else { continue }
            let length = descendant.textLength
            allText += length
            if allText > Self.linkBoxMaximumText { return false }
            while let last = openLinks.last, !last.contains(descendant) { openLinks.removeLast() }
            if !openLinks.isEmpty { linkText += length }
        }
        guard links >= Self.linkBoxMinimumLinks, allText > 0 else { return false }
        return Double(linkText) / Double(allText) >= Self.linkBoxMinimumShare
    }

    // MARK: Never content

    /// Removes elements that are never article content, anywhere (scripts, styles, form controls,
    /// embeds) and comments, recording each rule once per element name.
    static func removeJunk(from document: Document, log: inout RemovalLog) {
        guard let root = document.root else { return }
        var doomed: [(Node, String)] = []
        for node in root.descendants(.elementsAndComments(Selectors.junkElementNames)) {
            doomed.append((node, node.isElement ? node.name : "comment"))
        }
        var counts: [String: Int] = [:]
        var order: [String] = []
        for (node, rule) in doomed {
            if counts[rule] == nil { order.append(rule) }
            counts[rule, default: 0] += 1
            node.remove()
        }
        for name in order {
            let count = counts[name] ?? 0
            let rule = name == "comment" ? "comments" : "never article content (scripts, styles, forms, embeds)"
            log.record(rule, element: name, excerpt: "\(count) removed")
        }
    }
}
