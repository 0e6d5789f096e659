/// A set of nodes of one document, one bit per node: inserting and testing cost a shift and a mask,
/// where a `Set<Node>` hashes every node it is asked about.
public struct NodeSet {
    private var words: [UInt64]

    /// An empty set for nodes of `document`.
    public init(for document: Document) {
        words = Array(repeating: 0, count: (document.nodeCount + 63) / 64)
    }

    /// A set holding `nodes`, nodes of `document`.
    public init(_ nodes: [Node], in document: Document) {
        self.init(for: document)
        for node in nodes { insert(node) }
    }

    /// Adds `node` (a node of the document the set was made for).
    public mutating func insert(_ node: Node) {
        let ordinal = node.ordinal
        words[ordinal >> 6] |= 1 << UInt64(ordinal & 63)
    }

    /// True when `node` was inserted.
    @inline(__always)
    public func contains(_ node: Node) -> Bool {
        let ordinal = node.ordinal
        return ordinal >> 6 < words.count && words[ordinal >> 6] & (1 << UInt64(ordinal & 63)) != 0
    }
}
