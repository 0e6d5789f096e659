import Foundation
import HTMLTree

/// The text of an inline run, with what it points to.
struct InlineContent: Equatable {
    /// The clean text: entities decoded, whitespace collapsed, citation markers and edit links out.
    var text: String = ""
    /// Ids of the references the run's citation markers point to (`cite_note-1`), in order, once each.
    var cites: [String] = []
    /// Every citation marker, with its place in `text` (in Unicode scalars).
    var markers: [CitationMarker] = []
    /// Absolute http(s) links, in order, once each.
    var urls: [String] = []
    /// ISBNs named by `Special:BookSources/…` links.
    var bookSourceISBNs: [String] = []
}

/// Gathers the text of a subtree the way a reader sees it: without citation markers ("[1]"),
/// back-links ("^"), "[edit]" links and hidden spans; math as its alt text.
struct InlineGatherer {
    /// What a `<br>` becomes.
    enum LineBreak {
        case space
        case newline
    }

    var lineBreak: LineBreak = .space
    /// Subtrees (nested lists of a list item, say) to leave out.
    var excluded: Set<Node> = []

    private var buffer = TextBuffer()
    private var content = InlineContent()
    private var newlinePending = false
    /// The markers met so far, placed by UTF-8 offset (made scalar offsets when the text is finished).
    private var markerBytes: [(id: String, offset: Int)] = []

    init(lineBreak: LineBreak = .space, excluded: Set<Node> = []) {
        self.lineBreak = lineBreak
        self.excluded = excluded
    }

    /// The content of `node`'s whole subtree.
    static func gather(_ node: Node, lineBreak: LineBreak = .space, excluding excluded: Set<Node> = []) -> InlineContent {
        var gatherer = InlineGatherer(lineBreak: lineBreak, excluded: excluded)
        gatherer.add(node)
        return gatherer.finish()
    }

    /// Adds `node` (text or element) to the run.
    mutating func add(_ node: Node) {
        if node.kind == .text {
            addText(node)
            return
        }
        guard node.isElement else { return }
        var current: Node? = node
        while let visiting = current {
            var descend = false
            switch visiting.kind {
            case .text:
                addText(visiting)
            case .element:
                descend = enter(visiting)
            case .comment, .other:
                break
            }
            if descend, let child = visiting.firstChild {
                current = child
                continue
            }
            current = visiting.nextSkippingChildren(within: node)
        }
    }

    /// Marks a block boundary inside the run (a paragraph break within a list item, say).
    mutating func addBoundary() {
        if lineBreak == .newline {
            if !buffer.isEmpty { newlinePending = true }
        } else {
            buffer.appendSpace()
        }
    }

    /// Returns the content gathered so far and empties the gatherer.
    mutating func finish() -> InlineContent {
        var result = content
        result.text = buffer.take()
        // Gathered with repeats; each value once, where it first stands.
        result.cites.removeRepeats()
        result.urls.removeRepeats()
        result.bookSourceISBNs.removeRepeats()
        if !markerBytes.isEmpty {
            result.markers = Self.scalarOffsets(of: markerBytes, in: result.text)
            markerBytes.removeAll(keepingCapacity: true)
        }
        content = InlineContent()
        newlinePending = false
        return result
    }

    /// The markers with their UTF-8 offsets in `text` turned into Unicode scalar offsets (one pass;
    /// the offsets come in order).
    private static func scalarOffsets(of markers: [(id: String, offset: Int)], in text: String) -> [CitationMarker] {
        var text = text
        return text.withUTF8 { bytes in
            var result: [CitationMarker] = []
            result.reserveCapacity(markers.count)
            var scalars = 0
            var byte = 0
            for marker in markers {
                let end = min(marker.offset, bytes.count)
                // A scalar starts at every byte that is not a continuation byte (10xxxxxx).
                while byte < end {
                    scalars &+= bytes[byte] & 0xC0 != 0x80 ? 1 : 0
                    byte &+= 1
                }
                result.append(CitationMarker(id: marker.id, offset: scalars))
            }
            return result
        }
    }

    private mutating func addText(_ node: Node) {
        if newlinePending {
            newlinePending = false
            buffer.appendVerbatim("\n")
        }
        buffer.append(textOf: node)
    }

    /// Handles an element; returns true when its children are to be walked.
    private mutating func enter(_ element: Node) -> Bool {
        if !excluded.isEmpty, excluded.contains(element) { return false }
        guard let name = element.elementName else { return false }
        switch name {
        case .br:
            if lineBreak == .newline {
                if !buffer.isEmpty { newlinePending = true }
            } else {
                buffer.appendSpace()
            }
            return false
        case .script, .style, .noscript, .template:
            return false
        case .math:
            if let alt = element.attribute(.alttext) {
                buffer.appendSpace()
                buffer.append(alt)
                buffer.appendSpace()
            } else {
                buffer.append(textOf: element)
            }
            return false
        case .img:
            if let alt = element.attribute(.alt), Self.isMathImage(element) {
                buffer.append(alt)
            }
            return false
        case .sup:
            if element.hasClass(Selectors.citationMarkerClass) {
                for anchor in element.descendants(.elements(named: .a)) {
                    if let href = anchor.attribute(.href), let hash = href.firstIndex(of: "#") {
                        let id = String(href[href.index(after: hash)...])
                        guard !id.isEmpty else { continue }
                        content.cites.append(id)
                        markerBytes.append((id, buffer.byteCount))
                    }
                }
                return false
            }
        case .a:
            // Most links are relative: only book-source and absolute links are read as strings.
            if element.attribute(.href, contains: ISBNScanner.bookSources), let href = element.attribute(.href),
                var isbn = ISBNScanner.bookSourcesISBN(inLink: href)
            {
                // Keep the ISBN as the page prints it when the link's text is the same number.
                let shown = element.text
                if let shownDigits = ISBNCodec.compact(shown), shownDigits == ISBNCodec.compact(isbn) { isbn = shown }
                content.bookSourceISBNs.append(isbn)
            } else if element.attribute(.href, hasPrefixIgnoringCase: "http://") || element.attribute(.href, hasPrefixIgnoringCase: "https://"),
                let href = element.attribute(.href)
            {
                content.urls.append(href)
            }
        case .li, .p, .div, .tr, .dd, .dt, .blockquote, .h2, .h3, .h4, .h5, .h6, .table, .ul, .ol:
            addBoundary()
        case .td, .th:
            buffer.appendSpace()
        default:
            break
        }
        if Self.isHidden(element) { return false }
        // Chrome inside prose: coordinates widgets, inline share buttons, edit links.
        return !ChromeFilter.isInlineChrome(element, name: name)
    }

    static func isHidden(_ element: Node) -> Bool {
        if element.attribute(.style, contains: Selectors.hidingStyleFilter), let style = element.attribute(.style),
            hidesDisplay(style)
        {
            return true
        }
        return element.hasClass(in: Selectors.hiddenClasses)
    }

    /// True when a `style` says `display:none` (spaces anywhere, any case): its bytes with the spaces
    /// left out and ASCII lowered are searched, since no other character lowers to one of that phrase.
    private static func hidesDisplay(_ style: String) -> Bool {
        var style = style
        return style.withUTF8 { bytes in
            var squeezed: [UInt8] = []
            squeezed.reserveCapacity(bytes.count)
            for byte in bytes where byte != 0x20 { squeezed.append(ASCII.lowercased(byte)) }
            return squeezed.withUnsafeBufferPointer { squeezed in
                Self.displayNone.withUnsafeBufferPointer { ByteSearch.firstOffset(of: $0, in: squeezed) != nil }
            }
        }
    }

    private static let displayNone = Array("display:none".utf8)

    static func isMathImage(_ image: Node) -> Bool {
        guard let classes = image.attribute(.class)?.lowercased() else { return false }
        return classes.contains("math") || classes.contains("tex")
    }
}
