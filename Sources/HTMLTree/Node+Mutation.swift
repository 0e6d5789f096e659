/// Changing the tree: the only mutation is taking a subtree out.
extension Node {
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
}
