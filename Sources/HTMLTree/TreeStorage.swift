/// What a node is, as the tree stores it.
enum NodeCode: UInt8 {
    case document, element, text, cdata, comment, processingInstruction, doctype
}

/// One node of a ``Document``'s tree. Links are node indexes (-1 for none); nodes are numbered in
/// the order the parser met them, which is document order.
struct NodeRecord {
    var parent: Int32
    var firstChild: Int32 = -1
    var lastChild: Int32 = -1
    var next: Int32 = -1
    var previous: Int32 = -1
    /// Text, comment and processing-instruction nodes: the first byte of their content in the
    /// document's byte store. Elements: their first attribute.
    var start: Int32 = 0
    /// The content's length in bytes, or the element's number of attributes.
    var length: Int32 = 0
    /// Element (and processing-instruction target) name.
    var name: UInt16 = 0
    var code: NodeCode
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
        (base + count).initialize(from: source, count: elements.count)
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
