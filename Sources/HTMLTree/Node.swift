import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// A node of a ``Document``: an element, a run of text, a comment, or another libxml2 node kind.
///
/// A node keeps its document alive. Nodes compare equal when they are the same node of the same tree.
public struct Node: Hashable {
    /// The document the node belongs to (held strongly, so the tree outlives every node value).
    public let document: Document
    let pointer: xmlNodePtr

    init(document: Document, pointer: xmlNodePtr) {
        self.document = document
        self.pointer = pointer
    }

    /// What kind of node this is.
    public enum Kind: Sendable, Equatable {
        case element, text, comment, other
    }

    /// The node's kind (CDATA counts as text).
    public var kind: Kind {
        switch pointer.pointee.type {
        case XML_ELEMENT_NODE: .element
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: .text
        case XML_COMMENT_NODE: .comment
        default: .other
        }
    }

    /// True for an element.
    public var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }

    /// The element's name as libxml2 stores it (lowercase for HTML), or "#text" / "#comment".
    public var name: String {
        switch kind {
        case .text: return "#text"
        case .comment: return "#comment"
        case .element, .other:
            guard let name = pointer.pointee.name else { return "" }
            return String(cString: name)
        }
    }

    /// True when this is an element named `name` (lowercase), compared without building a String.
    public func isElement(named name: StaticString) -> Bool {
        guard pointer.pointee.type == XML_ELEMENT_NODE, let own = pointer.pointee.name else { return false }
        return name.withUTF8Buffer { expected in
            var index = 0
            while index < expected.count {
                if own[index] != expected[index] { return false }
                index += 1
            }
            return own[index] == 0
        }
    }

    // MARK: Attributes

    /// The value of the attribute `name`, entities decoded, or nil when the element lacks it.
    public func attribute(_ name: String) -> String? {
        var property = pointer.pointee.properties
        while let current = property {
            if let propertyName = current.pointee.name, name.withCString({ strcmp($0, propertyName) == 0 }) {
                return Self.attributeValue(current)
            }
            property = current.pointee.next
        }
        return nil
    }

    /// True when attribute `name` (lowercase) exists and its value holds one of `phrases`, checked on
    /// libxml2's bytes without building a string.
    public func attribute(_ name: StaticString, contains phrases: PhraseSet) -> Bool {
        guard pointer.pointee.type == XML_ELEMENT_NODE else { return false }
        var property = pointer.pointee.properties
        while let current = property {
            if let propertyName = current.pointee.name,
                name.withUTF8Buffer({ expected in strncmp(UnsafeRawPointer(expected.baseAddress!).assumingMemoryBound(to: CChar.self), UnsafeRawPointer(propertyName).assumingMemoryBound(to: CChar.self), expected.count) == 0 && propertyName[expected.count] == 0 })
            {
                var child = current.pointee.children
                while let text = child {
                    if let content = text.pointee.content,
                        phrases.firstMatch(inBytes: UnsafeBufferPointer(start: content, count: strlen(content))) != nil
                    {
                        return true
                    }
                    child = text.pointee.next
                }
                return false
            }
            property = current.pointee.next
        }
        return false
    }

    /// Every attribute, in document order.
    public var attributes: [(name: String, value: String)] {
        var result: [(name: String, value: String)] = []
        var property = pointer.pointee.properties
        while let current = property {
            if let propertyName = current.pointee.name {
                result.append((String(cString: propertyName), Self.attributeValue(current)))
            }
            property = current.pointee.next
        }
        return result
    }

    /// True when the element's `class` attribute lists `className` as one of its words.
    public func hasClass(_ className: String) -> Bool {
        guard let classes = attribute("class") else { return false }
        return classes.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            .contains { $0 == className }
    }

    private static func attributeValue(_ attribute: xmlAttrPtr) -> String {
        var buffer: [UInt8] = []
        var child = attribute.pointee.children
        while let current = child {
            if let content = current.pointee.content {
                buffer.append(contentsOf: UnsafeBufferPointer(start: content, count: strlen(content)))
            }
            child = current.pointee.next
        }
        return String(decoding: buffer, as: UTF8.self)
    }

    // MARK: Navigation

    private func wrap(_ other: xmlNodePtr?) -> Node? {
        other.map { Node(document: document, pointer: $0) }
    }

    /// The parent node (an element, or nil at the top of the tree).
    public var parent: Node? {
        guard let up = pointer.pointee.parent, up.pointee.type != XML_HTML_DOCUMENT_NODE,
            up.pointee.type != XML_DOCUMENT_NODE
        else { return nil }
        return wrap(up)
    }
    /// The first child node.
    public var firstChild: Node? { wrap(pointer.pointee.children) }
    /// The last child node.
    public var lastChild: Node? { wrap(pointer.pointee.last) }
    /// The next sibling node.
    public var nextSibling: Node? { wrap(pointer.pointee.next) }
    /// The previous sibling node.
    public var previousSibling: Node? { wrap(pointer.pointee.prev) }

    /// The child nodes, in document order.
    public var children: [Node] {
        var result: [Node] = []
        var child = pointer.pointee.children
        while let current = child {
            result.append(Node(document: document, pointer: current))
            child = current.pointee.next
        }
        return result
    }

    /// The child elements, in document order.
    public var childElements: [Node] {
        children.filter(\.isElement)
    }

    /// Every node below this one, in document order (iterative: safe on trees of any depth).
    public var descendants: DescendantSequence {
        DescendantSequence(root: self)
    }

    /// The number of ancestors up to the top of the tree.
    public var depth: Int {
        var count = 0
        var up = pointer.pointee.parent
        while let current = up, current.pointee.type == XML_ELEMENT_NODE {
            count += 1
            up = current.pointee.parent
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
    /// libxml2's bytes without making the string.
    public var textLength: Int {
        var length = 0
        var inSpace = true
        for node in descendants where node.kind == .text {
            node.withOwnContent { bytes in
                for byte in bytes {
                    if TextBuffer.isSpace(byte) {
                        if !inSpace { length += 1; inSpace = true }
                    } else if byte & 0xC0 != 0x80 {
                        length += 1
                        inSpace = false
                    }
                }
            }
        }
        return inSpace && length > 0 ? length - 1 : length
    }

    /// The node's text exactly as libxml2 holds it (entities decoded, whitespace as written).
    public var rawText: String {
        guard let content = xmlNodeGetContent(pointer) else { return "" }
        defer { encx_xmlFree(content) }
        return String(cString: content)
    }

    /// The text libxml2 holds for a text or comment node itself (not its descendants), as raw bytes.
    func withOwnContent<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        guard let content = pointer.pointee.content else { return nil }
        return body(UnsafeBufferPointer(start: content, count: strlen(content)))
    }

    /// True when the text this text node holds itself contains one of `phrases` (no string is made).
    public func ownText(contains phrases: PhraseSet) -> Bool {
        withOwnContent { phrases.firstMatch(inBytes: $0) != nil } ?? false
    }

    /// The node serialised back to HTML (for diagnostics).
    public var outerHTML: String {
        guard let buffer = xmlBufferCreate() else { return "" }
        defer { xmlBufferFree(buffer) }
        htmlNodeDump(buffer, document.pointer, pointer)
        guard let content = xmlBufferContent(buffer) else { return "" }
        return String(cString: content)
    }

    // MARK: Mutation

    /// Takes the node and its subtree out of the tree. The subtree stays valid (so node values that
    /// point into it can still be read) and is freed with the document.
    public func remove() {
        guard pointer.pointee.parent != nil || pointer.pointee.prev != nil || pointer.pointee.next != nil else {
            return
        }
        xmlUnlinkNode(pointer)
        document.retainDetached(pointer)
    }

    // MARK: Identity

    public static func == (lhs: Node, rhs: Node) -> Bool {
        lhs.pointer == rhs.pointer
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(UnsafeRawPointer(pointer))
    }
}

/// The nodes below a root in document order, walked without recursion.
public struct DescendantSequence: Sequence {
    let root: Node

    public func makeIterator() -> Iterator {
        Iterator(root: root, next: root.pointer.pointee.children)
    }

    /// Walks the subtree one node at a time.
    public struct Iterator: IteratorProtocol {
        let root: Node
        var nextPointer: xmlNodePtr?

        init(root: Node, next: xmlNodePtr?) {
            self.root = root
            nextPointer = next
        }

        public mutating func next() -> Node? {
            guard let current = nextPointer else { return nil }
            nextPointer = Self.successor(of: current, within: root.pointer)
            return Node(document: root.document, pointer: current)
        }

        static func successor(of node: xmlNodePtr, within root: xmlNodePtr) -> xmlNodePtr? {
            if node.pointee.type == XML_ELEMENT_NODE, let child = node.pointee.children { return child }
            return following(node, within: root)
        }

        /// The first node after `node`'s subtree, inside `root`.
        static func following(_ node: xmlNodePtr, within root: xmlNodePtr) -> xmlNodePtr? {
            var current = node
            while current != root {
                if let sibling = current.pointee.next { return sibling }
                guard let up = current.pointee.parent else { return nil }
                current = up
            }
            return nil
        }
    }
}

extension Node {
    /// The node after this one's subtree in document order, without leaving `root`: the next
    /// sibling, else the next sibling of the nearest ancestor below `root` that has one.
    /// Walks that skip a subtree use it in place of recursion.
    public func nextSkippingChildren(within root: Node) -> Node? {
        DescendantSequence.Iterator.following(pointer, within: root.pointer).map { Node(document: document, pointer: $0) }
    }

    /// True when this node comes before `other` in document order (an ancestor comes before its
    /// descendants). Nodes of different documents, or removed ones, are never ordered.
    public func precedes(_ other: Node) -> Bool {
        guard document === other.document, self != other else { return false }
        return xmlXPathCmpNodes(pointer, other.pointer) == 1
    }

    /// True when `other` is this node or lies in its subtree.
    public func contains(_ other: Node) -> Bool {
        var current: xmlNodePtr? = other.pointer
        while let node = current {
            if node == pointer { return true }
            current = node.pointee.parent
        }
        return false
    }
}
