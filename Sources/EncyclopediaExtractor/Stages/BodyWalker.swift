import Foundation
import HTMLTree

/// What the body walk meets, in document order.
enum BodyEvent {
    /// A heading; `referenceKind` is the kind of references its section holds (its own title's, or
    /// the enclosing section's), decided here once for the section.
    case heading(level: Int, title: String, anchor: String?, referenceKind: Reference.Kind?)
    case block(BuiltBlock)
    case notes([RawNote])
    /// Where the table of contents box stood.
    case tableOfContents
}

/// Walks the article's region in document order (without recursion, so any depth is safe) and turns
/// it into ``BodyEvent``s, asking the ``ChromeFilter`` about each element and stopping at the licence
/// block.
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
    /// The judge of chrome.
    let filter: ChromeFilter
    /// The page's language, for reading section titles.
    let language: String?
    let options: ExtractionOptions
    let deadline: Deadline

    private(set) var events: [BodyEvent] = []
    private(set) var infobox: [InfoboxField] = []
    private(set) var removals: RemovalLog
    private var pending = InlineGatherer()
    /// Gathers paragraphs (kept for the walk, so its buffer is allocated once).
    private var paragraphs = InlineGatherer()
    private var pendingHasContent = false
    /// Where the walk stands, for the chrome filter.
    private var position = ChromeFilter.Position()
    /// The open sections' levels and reference kinds, outermost first: a subsection of "Literatur"
    /// ("Romane") holds what its parent announces.
    private var openSections: [(level: Int, kind: Reference.Kind?)] = []
    /// How far below the walk's starting level the current node is.
    private var depth = 0

    init(region: ArticleRegion, root: Node, toc: Node?, boilerplate: NodeSet, language: String?,
         options: ExtractionOptions, deadline: Deadline, recordingRemovals: Bool)
    {
        self.removals = RemovalLog(enabled: recordingRemovals)
        self.deadline = deadline
        self.root = root
        self.start = region.title
        self.toc = toc
        self.boilerplate = boilerplate
        self.bodyAnchor = region.bodyAnchor
        self.filter = ChromeFilter(protected: region.protected, toc: toc)
        self.language = language
        self.options = options
    }

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

    private mutating func record(_ rule: @autoclosure () -> String, _ node: Node) {
        removals.record(rule(), node)
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
        let verdict = filter.verdict(on: node, name: name, at: position)
        if case let .chrome(rule) = verdict {
            flush()
            record(rule, node)
            // A notes list is the article's wherever a template put it.
            for list in ChromeFilter.notesLists(inside: node) { events.append(.notes(NotesReader.read(list))) }
            return .next
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
            if node.hasClassToken(Selectors.galleryClass) { return .descend }
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
            if verdict == .layout { return .descend }
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
        if Selectors.figureClasses.contains(where: { node.hasClassToken($0) }) {
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
        for suffix in Selectors.editLinkSuffixes where title.hasSuffix(suffix) {
            title = title.dropLast(suffix.count).trimmingSpaces()
        }
        guard BlockReader.hasWords(title) else { return }
        let key = LanguageProfile.titleKey(title)
        if Selectors.siteHeadings.contains(key) {
            record("site heading", node)
            return
        }
        while let open = openSections.last, open.level >= level { openSections.removeLast() }
        let kind = Self.referenceKind(ofKey: key, language: language, enclosing: openSections.last?.kind)
        openSections.append((level, kind))
        position.afterFirstHeading = true
        position.inReferenceSection = kind != nil
        events.append(.heading(level: level, title: title, anchor: anchor(of: node), referenceKind: kind))
    }

    /// The reference kind of a section: its own title's, else the enclosing section's (nil for an
    /// ordinary section). The one place a section's kind is decided.
    static func referenceKind(ofTitle title: String, language: String?, enclosing: Reference.Kind?) -> Reference.Kind? {
        referenceKind(ofKey: LanguageProfile.titleKey(title), language: language, enclosing: enclosing)
    }

    /// The same, for a title already made a ``LanguageProfile/titleKey(_:)``.
    static func referenceKind(ofKey key: String, language: String?, enclosing: Reference.Kind?) -> Reference.Kind? {
        LanguageProfile.referenceKind(forKey: key, language: language) ?? enclosing
    }

    private func anchor(of heading: Node) -> String? {
        for node in heading.descendants where node.isElement {
            if node.hasClassToken(Selectors.headlineClass), let id = node.attribute(.id) { return id }
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
}
