import Foundation
import HTMLTree

/// What the body walk meets, in document order.
enum BodyEvent {
    case heading(level: Int, title: String, anchor: String?)
    case block(BuiltBlock)
    case notes([RawNote])
    /// Where the table of contents box stood.
    case tableOfContents
}

/// Walks the article's region in document order (without recursion, so any depth is safe) and turns
/// it into ``BodyEvent``s, skipping chrome and stopping at the licence block.
struct BodyWalker {
    let root: Node
    /// The title heading: the walk starts after it.
    let start: Node?
    let toc: Node?
    /// Licence and footer blocks.
    let boilerplate: NodeSet
    /// Where article text concentrates: a licence block before it (in a side column) is skipped, one
    /// inside or after it ends the walk.
    let bodyAnchor: Node?
    /// Ancestors of the title and of the body anchor: never chrome.
    let protected: NodeSet
    let options: ExtractionOptions
    let deadline: Deadline

    private(set) var events: [BodyEvent] = []
    private(set) var infobox: [InfoboxField] = []
    private(set) var removals: [Removal] = []
    private var pending = InlineGatherer()
    /// Gathers paragraphs (kept for the walk, so its buffer is allocated once).
    private var paragraphs = InlineGatherer()
    private var pendingHasContent = false
    /// The title of the last heading, lowercased.
    private var currentSectionTitle = ""
    /// True below a heading of a reference section ("References", "Notes"…), where link-dense lists are content.
    private var inReferenceSection = false
    /// How far below the walk's starting level the current node is.
    private var depth = 0

    init(root: Node, start: Node?, toc: Node?, boilerplate: NodeSet, bodyAnchor: Node?, protected: NodeSet,
         options: ExtractionOptions, deadline: Deadline)
    {
        self.deadline = deadline
        self.root = root
        self.start = start
        self.toc = toc
        self.boilerplate = boilerplate
        self.bodyAnchor = bodyAnchor
        self.protected = protected
        self.options = options
    }

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
    /// Below this many levels of nesting (libxml2's own default limit; deeper trees exist only with
    /// deep nesting allowed) elements are read as plain containers, without the judgements that look
    /// through a whole subtree, so a tree nested 50,000 deep is walked in linear time.
    static let judgedDepth = 256

    /// The walk looks at the clock once every this many nodes.
    static let deadlineInterval = 4096

    /// Walks the region; returns early when the deadline passes (the pipeline then reports it).
    mutating func walk() {
        var visited = 0
        var current: Node?
        if let start {
            current = start.nextSkippingChildren(within: root)
        } else {
            current = root.firstChild
        }
        while let node = current {
            visited += 1
            if visited % Self.deadlineInterval == 0, deadline.hasPassed { return }
            switch visit(node) {
            case .descend:
                if let child = node.firstChild {
                    current = child
                    depth += 1
                    continue
                }
            case .next:
                break
            case .stop:
                flush()
                return
            }
            current = advance(from: node)
        }
        flush()
    }

    private enum Step { case descend, next, stop }

    private mutating func advance(from node: Node) -> Node? {
        var current = node
        while current != root {
            if let sibling = current.nextSibling { return sibling }
            guard let up = current.parent else { return nil }
            current = up
            depth -= 1
            // Leaving a container ends the inline run inside it.
            if !current.isElement(in: Selectors.inlineElementNames) { flush() }
        }
        return nil
    }

    private mutating func flush() {
        guard pendingHasContent else { return }
        let content = pending.finish()
        pendingHasContent = false
        if let paragraph = BlockReader.paragraph(from: content) { events.append(.block(paragraph)) }
    }

    private mutating func addInline(_ node: Node) {
        pending.add(node)
        pendingHasContent = true
    }

    private mutating func record(_ rule: String, _ node: Node) {
        removals.append(Removal(rule: rule, element: node.name, excerpt: Removal.excerpt(of: node)))
    }

    private mutating func visit(_ node: Node) -> Step {
        switch node.kind {
        case .text:
            if boilerplate.contains(node) { return stopOrSkip(node) }
            addInline(node)
            return .next
        case .comment, .other:
            return .next
        case .element:
            break
        }
        if boilerplate.contains(node) { return stopOrSkip(node) }
        guard let name = node.elementName else { return .next }
        if depth > Self.judgedDepth {
            // Deeper than any real page nests: keep text, descend into everything else.
            if !Selectors.inlineElementNames.contains(name) { flush() }
            return .descend
        }
        if node == toc {
            flush()
            events.append(.tableOfContents)
            record("table of contents (kept as tableOfContents)", node)
            return .next
        }
        if !protected.contains(node) {
            if Selectors.chromeElementNames.contains(name) {
                flush()
                record("chrome element <\(node.name)>", node)
                return .next
            }
            // A heading's id is its section's name ("Personal_life", "Search_for_the_source"), not a
            // statement about chrome: only its classes count.
            if let marker = ClassWords.chromeMarker(of: node, includingID: !Selectors.headingElementNames.contains(name)) {
                flush()
                record("chrome id/class word '\(marker)'", node)
                return .next
            }
            if let phrase = chromePhrase(node, name: name) {
                flush()
                record("chrome text '\(phrase)'", node)
                return .next
            }
        }
        switch name {
        case .h1, .h2, .h3, .h4, .h5, .h6:
            flush()
            heading(node, level: Self.headingLevel(name))
            return .next
        case .p, .pre, .address:
            if containsBlock(node) { flush(); return .descend }
            flush()
            if let block = BlockReader.paragraph(node, using: &paragraphs) { events.append(.block(block)) }
            return .next
        case .ul, .ol:
            flush()
            if NotesReader.isNotesList(node) {
                events.append(.notes(NotesReader.read(node)))
                return .next
            }
            if node.hasClassToken("gallery") { return .descend }
            if !protected.contains(node), isLinkBox(node, lists: true) {
                record("link-dense list outside a links section", node)
                return .next
            }
            if let block = BlockReader.list(node) { events.append(.block(block)) }
            return .next
        case .dl:
            flush()
            for block in BlockReader.definitions(node) { events.append(.block(block)) }
            return .next
        case .blockquote:
            flush()
            if let block = BlockReader.quote(node) { events.append(.block(block)) }
            return .next
        case .figure:
            flush()
            if options.includeFigures, let block = BlockReader.figure(node) { events.append(.block(block)) }
            return .next
        case .table:
            flush()
            if BlockReader.isInfobox(node) {
                if options.includeInfobox { infobox += BlockReader.infobox(node) }
                record("infobox (kept as infobox)", node)
                return .next
            }
            if BlockReader.isLayoutTable(node) { return .descend }
            if !protected.contains(node), isLinkBox(node, lists: false) {
                record("link-dense table", node)
                return .next
            }
            if options.includeTables, let block = BlockReader.table(node) { events.append(.block(block)) }
            return .next
        case .img, .hr, .caption:
            return .next
        case .br:
            if pendingHasContent { pending.addBoundary() }
            return .next
        default:
            break
        }
        if node.hasClassToken("thumb") || node.hasClassToken("gallerybox") {
            flush()
            if options.includeFigures, let block = BlockReader.figure(node) { events.append(.block(block)) }
            return .next
        }
        if Selectors.inlineElementNames.contains(name) {
            if containsBlock(node) {
                flush()
                return .descend
            }
            addInline(node)
            return .next
        }
        // A container (div, td, center, section, form, …).
        flush()
        if !protected.contains(node), name == .div || name == .td || name == .section, isLinkBox(node, lists: false) {
            record("link-dense box", node)
            return .next
        }
        return .descend
    }

    /// The section level a heading element opens (an `<h1>` in the body opens a top-level section).
    private static func headingLevel(_ name: HTMLName) -> Int {
        switch name {
        case .h3: 3
        case .h4: 4
        case .h5: 5
        case .h6: 6
        default: 2
        }
    }

    /// Licence and footer blocks end the walk when they follow the article's text; one standing
    /// before it (a side column's notice) is only skipped.
    private mutating func stopOrSkip(_ node: Node) -> Step {
        if let bodyAnchor, node.precedes(bodyAnchor), !node.contains(bodyAnchor) {
            return .next
        }
        return .stop
    }

    private mutating func heading(_ node: Node, level: Int) {
        var title = InlineGatherer.gather(node).text
        for suffix in ["[edit]", "[ edit ]", "[Edit]"] where title.hasSuffix(suffix) {
            title = title.dropLast(suffix.count).trimmingSpaces()
        }
        guard BlockReader.hasWords(title) else { return }
        let lowered = title.lowercased()
        if Selectors.nonArticleHeadings.contains(lowered) {
            record("site heading", node)
            return
        }
        currentSectionTitle = lowered
        inReferenceSection = Selectors.referenceSectionKinds.contains { $0.titles.contains(lowered) }
        events.append(.heading(level: level, title: title, anchor: anchor(of: node)))
    }

    private func anchor(of heading: Node) -> String? {
        for node in heading.descendants where node.isElement {
            if node.hasClassToken("mw-headline"), let id = node.attribute(.id) { return id }
        }
        if let id = heading.attribute(.id), !id.isEmpty { return id }
        // Older MediaWiki: <a name="X"></a> (or an empty span with an id) just before the heading.
        var previous = heading.previousSibling
        while let node = previous, node.kind == .text, !BlockReader.hasWords(node.text) { previous = node.previousSibling }
        // (Whether it has any text, without gathering all of it: the element before a heading can be large.)
        if let node = previous, node.isElement, node.firstTextCharacter == nil {
            return node.attribute(.id) ?? node.attribute(.name)
        }
        for node in heading.descendants where node.isElement(.a) {
            if let name = node.attribute(.name) ?? node.attribute(.id), !name.isEmpty { return name }
        }
        return nil
    }

    /// True when an inline element holds block-level elements (tag soup: `<font>` around paragraphs).
    private func containsBlock(_ node: Node) -> Bool {
        node.firstDescendant(.elements(Selectors.blockElementNames)) != nil
    }

    /// The chrome phrase that makes up the whole short text of `node`, or that opens a chrome box.
    private func chromePhrase(_ node: Node, name: HTMLName) -> String? {
        guard let short = shortText(node, limit: 60) else {
            return chromeBoxHeading(node, name: name)
        }
        let lowered = short.lowercased()
        if Selectors.chromePhrases.contains(lowered) { return short }
        return chromeBoxHeading(node, name: name)
    }

    /// How many characters of a box's first text are compared with the chrome box headings (longer
    /// than the longest heading and its colon).
    static let boxHeadingWindow = 32

    /// Elements that can be a chrome box opening with a heading.
    private static let boxNames = HTMLNameSet(["div", "td", "table", "ul", "section", "dl"])

    /// "Related eBooks", "Collections": a box that opens with one of these and holds no article
    /// structure (no heading of its own below h2 level, no long paragraph) is chrome.
    private func chromeBoxHeading(_ node: Node, name: HTMLName) -> String? {
        guard Self.boxNames.contains(name) else { return nil }
        guard let text = firstText(node) else { return nil }
        // Only the opening matters (the headings are short): a long first text is not lowercased whole.
        let head = String(text.prefix(Self.boxHeadingWindow))
        let complete = head.utf8.count == text.utf8.count
        let first = head.lowercased()
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

    /// True for a box of links: enough links, mostly link text, no headings, not in a links section.
    private func isLinkBox(_ node: Node, lists: Bool) -> Bool {
        // Lists and boxes of links are what "See also", "External links" and the like hold.
        if inReferenceSection { return false }
        // Inside the article's sections a list is content; only lists before the first heading
        // (menus just below the title) are judged by their links.
        if lists, !currentSectionTitle.isEmpty { return false }
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
}
