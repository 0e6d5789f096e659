/// A node of a ``Document``: an element, a run of text, a comment, or another kind of node.
///
/// A node keeps its document alive. Nodes compare equal when they are the same node of the same tree.
public struct Node: Hashable {
    /// The document the node belongs to (held strongly, so the tree outlives every node value).
    public let document: Document
    /// The node's place in the document's node store.
    @usableFromInline let index: Int32

    /// The node's number in its document: nodes are numbered in document order as the page is parsed,
    /// from 0 (the document itself) up to the document's ``Document/nodeCount``; a number never changes
    /// (a removed node keeps its own). Side tables indexed by it (``NodeSet``) replace hashing nodes.
    @inlinable public var ordinal: Int { Int(index) }

    @inlinable init(document: Document, index: Int32) {
        self.document = document
        self.index = index
    }

    /// What kind of node this is.
    public enum Kind: Sendable, Equatable {
        case element, text, comment, other
    }

    @inlinable
    var record: NodeRecord { document.nodes[Int(index)] }

    /// The node's kind (CDATA counts as text).
    @inlinable public var kind: Kind {
        switch record.code {
        case .element: .element
        case .text, .cdata: .text
        case .comment: .comment
        case .document, .doctype, .processingInstruction: .other
        }
    }

    /// True for an element.
    @inlinable public var isElement: Bool { record.code == .element }

    /// True for a text (or CDATA) node.
    @inlinable public var isText: Bool {
        let code = record.code
        return code == .text || code == .cdata
    }

    /// The element's name (lowercase, as libxml2 reads HTML), or "#text" / "#comment".
    public var name: String {
        let node = record
        switch node.code {
        case .element, .processingInstruction: return document.names.text(of: HTMLName(id: node.name))
        case .text: return "#text"
        case .cdata: return "#cdata-section"
        case .comment: return "#comment"
        case .document: return "#document"
        case .doctype: return "html"
        }
    }

    /// The element's name as an ``HTMLName``, or nil for other nodes.
    @inlinable public var elementName: HTMLName? {
        let node = record
        return node.code == .element ? HTMLName(id: node.name) : nil
    }

    /// True when this is an element named `name`.
    @inlinable
    public func isElement(_ name: HTMLName) -> Bool {
        let node = record
        return node.code == .element && node.name == name.id
    }

    /// True when this is an element whose name is in `names`.
    @inlinable
    public func isElement(in names: HTMLNameSet) -> Bool {
        let node = record
        return node.code == .element && names.contains(HTMLName(id: node.name))
    }

    /// True when this is an element named `name` (lowercase), compared without building a String.
    public func isElement(named name: StaticString) -> Bool {
        let node = record
        guard node.code == .element else { return false }
        let own = document.names.utf8(of: HTMLName(id: node.name))
        return name.withUTF8Buffer { own.elementsEqual($0) }
    }

    // MARK: Attributes

    /// The element's attributes in its attribute store.
    @inline(__always)
    var attributeRange: Range<Int> {
        let node = record
        guard node.code == .element else { return 0..<0 }
        return node.attributePositions
    }

    /// The index of attribute `name` in the attribute store, or nil.
    @inline(__always)
    func attributeIndex(_ name: HTMLName) -> Int? {
        for position in attributeRange where document.attributes[position].name == name.id { return position }
        return nil
    }

    /// The value of the attribute `name`, entities decoded, or nil when the element lacks it.
    public func attribute(_ name: String) -> String? {
        guard let known = document.names.lookUp(name) else { return nil }
        return attribute(known)
    }

    /// The value of the attribute `name`, entities decoded, or nil when the element lacks it.
    public func attribute(_ name: HTMLName) -> String? {
        guard let position = attributeIndex(name) else { return nil }
        return withAttributeBytes(at: position) { String(decoding: $0, as: UTF8.self) }
    }

    /// True when attribute `name` exists and its value is exactly `value`.
    public func attribute(_ name: HTMLName, equals value: StaticString) -> Bool {
        guard let position = attributeIndex(name) else { return false }
        return withAttributeBytes(at: position) { bytes in value.withUTF8Buffer { bytes.elementsEqual($0) } }
    }

    /// True when attribute `name` exists and its value starts with `prefix`.
    public func attribute(_ name: HTMLName, hasPrefix prefix: StaticString) -> Bool {
        guard let position = attributeIndex(name) else { return false }
        return withAttributeBytes(at: position) { bytes in
            prefix.withUTF8Buffer { expected in bytes.count >= expected.count && bytes.prefix(expected.count).elementsEqual(expected) }
        }
    }

    /// True when attribute `name` exists and its value starts with `prefix` (lowercase), ignoring ASCII
    /// letter case.
    public func attribute(_ name: HTMLName, hasPrefixIgnoringCase prefix: StaticString) -> Bool {
        guard let position = attributeIndex(name) else { return false }
        return withAttributeBytes(at: position) { bytes in
            prefix.withUTF8Buffer { expected in
                bytes.count >= expected.count && ClassList.equalsFolded(UnsafeBufferPointer(rebasing: bytes[0..<expected.count]), expected)
            }
        }
    }

    /// True when attribute `name` (lowercase) exists and its value holds one of `phrases`, checked on
    /// the stored bytes without building a string.
    public func attribute(_ name: StaticString, contains phrases: PhraseSet) -> Bool {
        guard let known = name.withUTF8Buffer({ document.names.lookUp(String(decoding: $0, as: UTF8.self)) }) else {
            return false
        }
        return attribute(known, contains: phrases)
    }

    /// True when attribute `name` exists and its value holds one of `phrases`.
    public func attribute(_ name: HTMLName, contains phrases: PhraseSet) -> Bool {
        guard let position = attributeIndex(name) else { return false }
        return withAttributeBytes(at: position) { phrases.firstMatch(inBytes: $0) != nil }
    }

    /// Reads attribute `name`'s value bytes; nil when the element lacks the attribute.
    func withAttribute<Result>(_ name: HTMLName, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        guard let position = attributeIndex(name) else { return nil }
        return withAttributeBytes(at: position, body)
    }

    @inline(__always)
    func withAttributeBytes<Result>(at position: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        body(document.value(of: document.attributes[position]))
    }

    /// Every attribute, in document order.
    public var attributes: [(name: String, value: String)] {
        attributeRange.map { position in
            let attribute = document.attributes[position]
            return (document.names.text(of: HTMLName(id: attribute.name)),
                    withAttributeBytes(at: position) { String(decoding: $0, as: UTF8.self) })
        }
    }

    /// True when the element's `class` attribute lists `className` as one of its words.
    public func hasClass(_ className: String) -> Bool {
        var wanted = className
        return wanted.withUTF8 { expected in hasClassWord { $0.elementsEqual(expected) } }
    }

    /// True when one of the words of the element's `class` attribute is one of `classNames` (compared
    /// exactly, as ``hasClass(_:)`` compares).
    public func hasClass(in classNames: ClassNames) -> Bool {
        hasClassWord { word in classNames.words.contains { word.elementsEqual($0) } }
    }

    /// True when one of the words of the element's `class` attribute is `token`, compared without
    /// regard to ASCII letter case (`token` lowercase).
    public func hasClassToken(_ token: StaticString) -> Bool {
        token.withUTF8Buffer { expected in hasClassWord { ClassList.equalsFolded($0, expected) } }
    }

    /// True when the element has a `class` attribute with a word that `matches`.
    @inline(__always)
    private func hasClassWord(where matches: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        withAttribute(.class) { ClassList.containsToken(in: $0, where: matches) } ?? false
    }

    /// The words of the element's `class` attribute, lowercased, in order.
    public var classTokens: [String] {
        withAttribute(.class) { classes in
            var tokens: [String] = []
            ClassList.containsToken(in: classes) { token in
                tokens.append(ClassList.lowercased(token))
                return false
            }
            return tokens
        } ?? []
    }

    // MARK: Navigation

    @inlinable
    func wrap(_ other: Int32) -> Node? {
        other >= 0 ? Node(document: document, index: other) : nil
    }

    /// The parent node (an element, or nil at the top of the tree).
    @inlinable public var parent: Node? {
        let up = record.parent
        guard up > 0, document.nodes[Int(up)].code == .element else { return nil }
        return Node(document: document, index: up)
    }
    /// The first child node.
    @inlinable public var firstChild: Node? { wrap(record.firstChild) }
    /// The last child node.
    @inlinable public var lastChild: Node? { wrap(record.lastChild) }
    /// The next sibling node.
    @inlinable public var nextSibling: Node? { wrap(record.next) }
    /// The previous sibling node.
    @inlinable public var previousSibling: Node? { wrap(record.previous) }

    /// The child nodes, in document order.
    public var children: [Node] { childNodes(elementsOnly: false) }

    /// The child elements, in document order.
    public var childElements: [Node] { childNodes(elementsOnly: true) }

    /// The children (or only the child elements), counted first so the array is allocated once.
    private func childNodes(elementsOnly: Bool) -> [Node] {
        let nodes = document.nodes
        var count = 0
        var child = record.firstChild
        while child >= 0 {
            if !elementsOnly || nodes[Int(child)].code == .element { count += 1 }
            child = nodes[Int(child)].next
        }
        var result: [Node] = []
        guard count > 0 else { return result }
        result.reserveCapacity(count)
        child = record.firstChild
        while child >= 0 {
            if !elementsOnly || nodes[Int(child)].code == .element { result.append(Node(document: document, index: child)) }
            child = nodes[Int(child)].next
        }
        return result
    }

    /// Every node below this one, in document order (iterative: safe on trees of any depth).
    public var descendants: DescendantSequence {
        DescendantSequence(root: self)
    }

    /// The number of element ancestors up to the top of the tree.
    public var depth: Int {
        var count = 0
        var up = record.parent
        while up > 0, document.nodes[Int(up)].code == .element {
            count += 1
            up = document.nodes[Int(up)].parent
        }
        return count
    }

    // MARK: Text

    /// The node's text with whitespace collapsed to single spaces and trimmed; script and style
    /// contents and comments are left out.
    public var text: String {
        var buffer = TextBuffer()
        buffer.append(textOf: self)
        return buffer.take()
    }

    /// The length of ``text`` in Unicode scalars (each run of whitespace counting one), counted on
    /// the stored bytes without making the string.
    public var textLength: Int {
        var counter = TextLengthCounter()
        _ = forEachTextPiece { piece in
            switch piece {
            case .content(let bytes): counter.count(bytes)
            case .lineBreak: counter.countBreak()
            }
            return true
        }
        return counter.length
    }

    /// The first character of ``text`` (nil when it is empty), found without gathering the text.
    public var firstTextCharacter: Character? {
        var first: Character?
        _ = forEachTextPiece { piece in
            if case .content(let bytes) = piece { first = Self.firstCharacter(in: bytes) }
            return first == nil
        }
        return first
    }

    /// The first character after leading whitespace (as ``TextBuffer`` counts it), or nil.
    private static func firstCharacter(in bytes: UnsafeBufferPointer<UInt8>) -> Character? {
        var index = 0
        while index < bytes.count {
            if TextBuffer.isSpace(bytes[index]) {
                index += 1
            } else if bytes[index] == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 {
                index += 2
            } else {
                // A character is at most a few scalars; 32 bytes hold any the pages use.
                return String(decoding: bytes[index..<min(bytes.count, index + 32)], as: UTF8.self).first
            }
        }
        return nil
    }

    /// The text of ``text`` up to about `limit` bytes, and whether that is all of it: the walk stops
    /// as soon as the limit is passed, so asking whether a large element's text is short costs little.
    public func textPrefix(limit: Int) -> (text: String, complete: Bool) {
        var buffer = TextBuffer()
        let complete = forEachTextPiece { piece in
            buffer.append(piece)
            return buffer.byteCount <= limit
        }
        return (buffer.take(), complete)
    }

    /// Calls `body` with each piece of ``text`` in document order: the content of every text node in
    /// the subtree except those directly inside `script`, `style`, `noscript` and `template` (unless
    /// the node asked is that element's own text), and a line break for each `<br>`. Comments never.
    /// `body` returns false to stop the walk.
    /// - Returns: false when `body` stopped the walk inside an element's subtree (a text node alone
    ///   is one piece, read whole).
    @inline(__always)
    func forEachTextPiece(_ body: (TextPiece) -> Bool) -> Bool {
        let own = record
        switch own.code {
        case .text, .cdata:
            _ = body(.content(document.content(of: own)))
            return true
        case .element:
            if TextBuffer.silentElements.contains(HTMLName(id: own.name)) { return true }
        case .comment, .processingInstruction, .document, .doctype:
            return true
        }
        let nodes = document.nodes
        var cursor = SubtreeCursor(nodes: nodes, root: index)
        while let current = cursor.next() {
            let node = nodes[Int(current)]
            switch node.code {
            case .text, .cdata:
                // Text directly inside a silent element (other than the one asked for) is left out.
                if node.parent == index || !TextBuffer.silentElements.contains(HTMLName(id: nodes[Int(node.parent)].name)) {
                    if !body(.content(document.content(of: node))) { return false }
                }
            case .element:
                if node.name == HTMLName.br.id, !body(.lineBreak) { return false }
            default:
                break
            }
        }
        return true
    }

    /// The text of the subtree's text nodes (every one, in whatever element, and no break for `<br>`)
    /// when it is short: nil as soon as more than `maximumNodes` nodes are met or more than
    /// `maximumBytes` bytes of text have been read (before whitespace is collapsed).
    public func shortText(maximumBytes: Int, maximumNodes: Int) -> String? {
        let nodes = document.nodes
        var cursor = SubtreeCursor(nodes: nodes, root: index)
        var visited = 0
        var bytes = 0
        // Measure first: most elements asked are long, and are turned down without copying.
        while let current = cursor.next() {
            visited += 1
            if visited > maximumNodes { return nil }
            let node = nodes[Int(current)]
            guard node.code == .text || node.code == .cdata else { continue }
            bytes += Int(node.length)
            if bytes > maximumBytes { return nil }
        }
        var buffer = TextBuffer()
        cursor = SubtreeCursor(nodes: nodes, root: index)
        while let current = cursor.next() {
            let node = nodes[Int(current)]
            if node.code == .text || node.code == .cdata { buffer.appendContent(document.content(of: node)) }
        }
        return buffer.take()
    }

    /// The node's text exactly as parsed (entities decoded, whitespace as written): a text node's own
    /// content, or every text below an element run together.
    public var rawText: String {
        var collected: [UInt8] = []
        let own = record
        switch own.code {
        case .text, .cdata, .comment, .processingInstruction:
            collected.append(contentsOf: document.content(of: own))
        case .element, .document:
            var cursor = SubtreeCursor(nodes: document.nodes, root: index)
            while let current = cursor.next() {
                let node = document.nodes[Int(current)]
                if node.code == .text || node.code == .cdata { collected.append(contentsOf: document.content(of: node)) }
            }
        case .doctype:
            break
        }
        return String(decoding: collected, as: UTF8.self)
    }

    /// The text a text, comment or processing-instruction node holds itself, as bytes.
    @inline(__always)
    func withOwnContent<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        let node = record
        switch node.code {
        case .text, .cdata, .comment, .processingInstruction:
            return body(document.content(of: node))
        case .element, .document, .doctype:
            return nil
        }
    }

    /// True when the text this text node holds itself contains one of `phrases` (no string is made).
    public func ownText(contains phrases: PhraseSet) -> Bool {
        withOwnContent { phrases.firstMatch(inBytes: $0) != nil } ?? false
    }

    /// The node serialised back to HTML (for diagnostics).
    public var outerHTML: String {
        var output: [UInt8] = []
        HTMLSerializer.write(self, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    // MARK: Mutation

    /// Takes the node and its subtree out of the tree. The subtree stays readable (node values that
    /// point into it keep working) and is freed with the document.
    public func remove() {
        let node = record
        guard node.parent >= 0 else { return }
        let nodes = document.nodes
        if node.previous >= 0 { nodes[Int(node.previous)].next = node.next } else { nodes[Int(node.parent)].firstChild = node.next }
        if node.next >= 0 { nodes[Int(node.next)].previous = node.previous } else { nodes[Int(node.parent)].lastChild = node.previous }
        nodes[Int(index)].parent = -1
        nodes[Int(index)].next = -1
        nodes[Int(index)].previous = -1
        nodes[Int(index)].flags |= NodeRecord.removedFlag
        document.xpathMirror = nil
    }

    // MARK: Identity

    @inlinable public static func == (lhs: Node, rhs: Node) -> Bool {
        lhs.index == rhs.index && lhs.document === rhs.document
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(index)
        hasher.combine(ObjectIdentifier(document))
    }
}

extension Document {
    /// The bytes a text, comment or processing-instruction node holds.
    @inline(__always)
    func content(of record: NodeRecord) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: bytes + Int(record.start), count: Int(record.length))
    }

    /// The bytes of an attribute's value.
    @inline(__always)
    func value(of attribute: AttributeRecord) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: bytes + Int(attribute.start), count: Int(attribute.length))
    }
}

/// The nodes below a root in document order, walked without recursion.
public struct DescendantSequence: Sequence {
    let root: Node

    public func makeIterator() -> Iterator {
        Iterator(root: root)
    }

    /// Walks the subtree one node at a time.
    public struct Iterator: IteratorProtocol {
        let document: Document
        var cursor: SubtreeCursor

        init(root: Node) {
            document = root.document
            cursor = SubtreeCursor(nodes: root.document.nodes, root: root.index)
        }

        public mutating func next() -> Node? {
            guard let current = cursor.next() else { return nil }
            return Node(document: document, index: current)
        }
    }
}

/// Which descendants a ``FilteredDescendants`` walk yields; the others are passed over without
/// making node values for them.
public struct NodeFilter: Sendable {
    enum Kind: Sendable {
        case elements, elementsAndComments, elementsWithAttribute, texts
    }

    let kind: Kind
    let names: HTMLNameSet
    let attributes: [HTMLName]
    let phrases: PhraseSet?

    /// Elements whose name is in `names`.
    public static func elements(_ names: HTMLNameSet) -> NodeFilter {
        NodeFilter(kind: .elements, names: names, attributes: [], phrases: nil)
    }
    /// Elements named `name`.
    public static func elements(named name: HTMLName) -> NodeFilter { elements(HTMLNameSet(name)) }
    /// Elements whose name is in `names`, and comments.
    public static func elementsAndComments(_ names: HTMLNameSet) -> NodeFilter {
        NodeFilter(kind: .elementsAndComments, names: names, attributes: [], phrases: nil)
    }
    /// Elements with one of `attributes` whose value holds one of `phrases`.
    public static func elements(withAttribute attributes: [HTMLName], containing phrases: PhraseSet) -> NodeFilter {
        NodeFilter(kind: .elementsWithAttribute, names: HTMLNameSet([HTMLName]()), attributes: attributes, phrases: phrases)
    }
    /// Text nodes whose own text holds one of `phrases`.
    public static func texts(containing phrases: PhraseSet) -> NodeFilter {
        NodeFilter(kind: .texts, names: HTMLNameSet([HTMLName]()), attributes: [], phrases: phrases)
    }
}

/// The descendants of a node that pass a ``NodeFilter``, in document order.
public struct FilteredDescendants: Sequence {
    let root: Node
    let filter: NodeFilter

    public func makeIterator() -> Iterator {
        Iterator(root: root, filter: filter)
    }

    /// Walks the subtree by node number, making a node value only for the nodes it yields.
    public struct Iterator: IteratorProtocol {
        let document: Document
        let filter: NodeFilter
        var cursor: SubtreeCursor

        init(root: Node, filter: NodeFilter) {
            document = root.document
            self.filter = filter
            cursor = SubtreeCursor(nodes: root.document.nodes, root: root.index)
        }

        public mutating func next() -> Node? {
            let nodes = document.nodes
            // One loop per kind of test, so the test is not dispatched again for every node.
            switch filter.kind {
            case .elements:
                let names = filter.names
                while let current = cursor.next() {
                    let record = nodes[Int(current)]
                    if record.code == .element, names.contains(HTMLName(id: record.name)) { return Node(document: document, index: current) }
                }
            case .elementsAndComments:
                let names = filter.names
                while let current = cursor.next() {
                    let record = nodes[Int(current)]
                    if record.code == .comment || (record.code == .element && names.contains(HTMLName(id: record.name))) {
                        return Node(document: document, index: current)
                    }
                }
            case .elementsWithAttribute:
                guard let phrases = filter.phrases else { return nil }
                let shortest = Int32(phrases.shortestLength)
                while let current = cursor.next() {
                    let record = nodes[Int(current)]
                    guard record.code == .element, record.length > 0 else { continue }
                    for position in record.attributePositions {
                        let attribute = document.attributes[position]
                        guard attribute.length >= shortest, filter.attributes.contains(HTMLName(id: attribute.name)) else { continue }
                        if phrases.firstMatch(inBytes: document.value(of: attribute)) != nil { return Node(document: document, index: current) }
                    }
                }
            case .texts:
                guard let phrases = filter.phrases else { return nil }
                // Most text nodes are a few bytes of whitespace between tags: too short to call the search.
                let shortest = Int32(phrases.shortestLength)
                while let current = cursor.next() {
                    let record = nodes[Int(current)]
                    guard record.code == .text || record.code == .cdata, record.length >= shortest else { continue }
                    if phrases.firstMatch(inBytes: document.content(of: record)) != nil { return Node(document: document, index: current) }
                }
            }
            return nil
        }
    }
}

extension Node {
    /// The descendants that pass `filter`, in document order (iterative: safe on trees of any depth).
    public func descendants(_ filter: NodeFilter) -> FilteredDescendants {
        FilteredDescendants(root: self, filter: filter)
    }

    /// The first descendant that passes `filter`, or nil.
    public func firstDescendant(_ filter: NodeFilter) -> Node? {
        var iterator = descendants(filter).makeIterator()
        return iterator.next()
    }

    /// The node after this one's subtree in document order, without leaving `root`: the next
    /// sibling, else the next sibling of the nearest ancestor below `root` that has one.
    /// Walks that skip a subtree use it in place of recursion.
    public func nextSkippingChildren(within root: Node) -> Node? {
        let next = SubtreeCursor.following(index, within: root.index, in: document.nodes)
        return next >= 0 ? Node(document: document, index: next) : nil
    }

    /// True when the node is in its document's tree (not inside a removed subtree).
    var isAttached: Bool {
        var current = index
        while current > 0 {
            current = document.nodes[Int(current)].parent
        }
        return current == 0
    }

    /// True when this node comes before `other` in document order (an ancestor comes before its
    /// descendants). Nodes of different documents, or removed ones, are never ordered.
    public func precedes(_ other: Node) -> Bool {
        guard document === other.document, index != other.index else { return false }
        // Nodes are numbered in document order and never move, only leave the tree.
        return index < other.index && isAttached && other.isAttached
    }

    /// True when `other` is this node or lies in its subtree.
    public func contains(_ other: Node) -> Bool {
        guard document === other.document else { return false }
        // Descendants are numbered after their ancestors.
        guard other.index >= index else { return false }
        var current = other.index
        while current >= 0 {
            if current == index { return true }
            if current < index { return false }
            current = document.nodes[Int(current)].parent
        }
        return false
    }
}
