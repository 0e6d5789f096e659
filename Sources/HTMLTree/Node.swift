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

    // MARK: Identity

    @inlinable public static func == (lhs: Node, rhs: Node) -> Bool {
        lhs.index == rhs.index && lhs.document === rhs.document
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(index)
        hasher.combine(ObjectIdentifier(document))
    }
}
