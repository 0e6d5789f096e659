/// Moving around the tree: parent, children, siblings, document order and containment.
extension Node {
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

    /// True when this node, or one of its ancestors below `top` (not `top` itself), passes `test`; the
    /// walk up stops at `top` or at the root.
    public func isOrHasAncestor(below top: Node, where test: (Node) -> Bool) -> Bool {
        var current: Node? = self
        while let node = current, node != top {
            if test(node) { return true }
            current = node.parent
        }
        return false
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
