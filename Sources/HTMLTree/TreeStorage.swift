#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a node is, as the tree stores it.
@usableFromInline
enum NodeCode: UInt8, BitwiseCopyable {
    case document, element, text, cdata, comment, processingInstruction, doctype
}

/// One node of a ``Document``'s tree. Links are node indexes (-1 for none); nodes are numbered in
/// the order the parser met them, which is document order.
@usableFromInline
struct NodeRecord: BitwiseCopyable {
    @usableFromInline var parent: Int32
    @usableFromInline var firstChild: Int32 = -1
    @usableFromInline var lastChild: Int32 = -1
    @usableFromInline var next: Int32 = -1
    @usableFromInline var previous: Int32 = -1
    /// Text, comment and processing-instruction nodes: the first byte of their content in the
    /// document's byte store. Elements: their first attribute.
    @usableFromInline var start: Int32 = 0
    /// The content's length in bytes, or the element's number of attributes.
    @usableFromInline var length: Int32 = 0
    /// The last node of this node's subtree: its descendants are exactly the nodes numbered after it
    /// up to this one (a leaf's is its own number), or -1 where that does not hold (libxml2 can hang
    /// elements under the root after other top-level nodes, see `TreeBuilder`).
    @usableFromInline var end: Int32 = -1
    /// Element (and processing-instruction target) name.
    @usableFromInline var name: UInt16 = 0
    @usableFromInline var code: NodeCode
    /// ``NodeRecord/removedFlag`` once the node has been taken out of the tree with its subtree.
    @usableFromInline var flags: UInt8 = 0

    /// Set on a node removed from the tree (not on its descendants, which go with it).
    @usableFromInline static let removedFlag: UInt8 = 1

    /// An element's attributes: their positions in the document's attribute store.
    @inline(__always)
    var attributePositions: Range<Int> { Int(start)..<Int(start + length) }
}

/// Walks the subtree of one node in document order. Where the subtree's nodes are numbered one after
/// another (every subtree but, in tag soup, the root's), the walk is a loop over node numbers that
/// jumps over removed subtrees; elsewhere it follows the child and sibling links.
@usableFromInline
struct SubtreeCursor {
    @usableFromInline let nodes: UnsafeMutablePointer<NodeRecord>
    @usableFromInline let root: Int32
    /// The root's last descendant when walking by number; -1 when following links.
    @usableFromInline let last: Int32
    @usableFromInline let byNumber: Bool
    /// The next node to consider (by number), or the next node (by links; -1 at the end).
    @usableFromInline var position: Int32

    @inlinable
    init(nodes: UnsafeMutablePointer<NodeRecord>, root: Int32) {
        self.nodes = nodes
        self.root = root
        let record = nodes[Int(root)]
        if record.end >= root {
            byNumber = true
            last = record.end
            position = root + 1
        } else {
            byNumber = false
            last = -1
            position = record.firstChild
        }
    }

    /// The next node of the subtree, or nil at its end.
    @inlinable
    mutating func next() -> Int32? {
        if byNumber {
            while position <= last {
                let current = position
                let record = nodes[Int(current)]
                if record.flags & NodeRecord.removedFlag != 0 {
                    position = max(record.end, current) + 1
                    continue
                }
                position = current + 1
                return current
            }
            return nil
        }
        let current = position
        guard current >= 0 else { return nil }
        let record = nodes[Int(current)]
        if record.code == .element, record.firstChild >= 0 {
            position = record.firstChild
        } else {
            position = Self.following(current, within: root, in: nodes)
        }
        return current
    }

    /// The first node after `node`'s subtree, inside `root`'s subtree (-1 at its end).
    @inlinable
    static func following(_ node: Int32, within root: Int32, in nodes: UnsafeMutablePointer<NodeRecord>) -> Int32 {
        var current = node
        while current != root {
            let record = nodes[Int(current)]
            if record.next >= 0 { return record.next }
            if record.parent < 0 { return -1 }
            current = record.parent
        }
        return -1
    }
}

/// Sets every node's ``NodeRecord/end``: the last descendant, where the subtree's nodes are numbered
/// one after another, else -1. One pass from the last node back: children are numbered after their
/// parents, so each node's subtree is complete when the pass reaches it.
func numberSubtrees(_ nodes: UnsafeMutablePointer<NodeRecord>, count: Int) {
    guard count > 0 else { return }
    var sizes = [Int32](repeating: 1, count: count)
    var ends = [Int32](repeating: 0, count: count)
    for index in stride(from: count - 1, through: 0, by: -1) {
        ends[index] = max(ends[index], Int32(index))
        let parent = nodes[index].parent
        if parent >= 0 {
            sizes[Int(parent)] += sizes[index]
            ends[Int(parent)] = max(ends[Int(parent)], ends[index])
        }
        // Only the subtree's own nodes in the range: as many nodes as numbers.
        nodes[index].end = ends[index] - Int32(index) + 1 == sizes[index] ? ends[index] : -1
    }
}

/// One attribute of an element.
struct AttributeRecord {
    var start: Int32
    var length: Int32
    var name: UInt16
    /// False for an attribute written without a value (`<td nowrap>`); its value reads as "".
    var hasValue: Bool
}

/// A growable run of plain values in memory this code allocates and frees itself, so a finished
/// tree changes hands without a copy and reads need neither bounds nor exclusivity checks.
struct RawBuffer<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = UnsafeMutablePointer<Element>.allocate(capacity: self.capacity)
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { grow(to: count + 1) }
        (base + count).initialize(to: element)
        count += 1
    }

    mutating func append(contentsOf elements: UnsafeBufferPointer<Element>) {
        guard let source = elements.baseAddress, !elements.isEmpty else { return }
        if count + elements.count > capacity { grow(to: count + elements.count) }
        memcpy(base + count, source, elements.count * MemoryLayout<Element>.stride)
        count += elements.count
    }

    @inline(__always)
    subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }

    mutating func removeLast() {
        count -= 1
    }

    private mutating func grow(to minimum: Int) {
        var newCapacity = capacity * 2
        while newCapacity < minimum { newCapacity *= 2 }
        let grown = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        grown.initialize(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = newCapacity
    }

    /// Frees the memory; the buffer must not be used afterwards.
    func deallocate() {
        base.deallocate()
    }
}
