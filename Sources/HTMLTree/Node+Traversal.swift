/// Walking a subtree in document order, every node or only those a filter lets through.
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
    /// Every node below this one, in document order (iterative: safe on trees of any depth).
    public var descendants: DescendantSequence {
        DescendantSequence(root: self)
    }

    /// The descendants that pass `filter`, in document order (iterative: safe on trees of any depth).
    public func descendants(_ filter: NodeFilter) -> FilteredDescendants {
        FilteredDescendants(root: self, filter: filter)
    }

    /// The first descendant that passes `filter`, or nil.
    public func firstDescendant(_ filter: NodeFilter) -> Node? {
        var iterator = descendants(filter).makeIterator()
        return iterator.next()
    }
}
