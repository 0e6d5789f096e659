import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// Builds a ``Document``'s tree from libxml2's SAX events: libxml2's HTML parser (its tokenizer, tag
/// soup recovery and implied elements) with a compact tree in place of libxml2's own.
///
/// The tree comes out as libxml2's tree builder (`xmlSAX2…`) would make it, rule for rule: elements
/// placed where `xmlSAX2StartElement` puts them (including its handling of elements after the root has
/// closed), adjacent text and CDATA runs joined, comments and processing instructions kept, attributes
/// written without a value kept empty (HTML's boolean attributes take their own name, as libxml2
/// does), and the parse stopped with libxml2's own message when elements nest deeper than its limit.
/// What it leaves out is the cost: one allocation per node and per string, and a free of each.
///
/// The builder is a value that lives in memory of its own for the parse (libxml2 hands its address to
/// every callback), so its stores are reached without the runtime's exclusivity bookkeeping.
struct TreeBuilder {
    /// The node index of the document itself.
    static let documentIndex: Int32 = 0
    /// The node index reserved for the document type declaration; linked only if the page has one.
    static let doctypeIndex: Int32 = 1

    private(set) var nodes: RawBuffer<NodeRecord>
    private(set) var bytes: RawBuffer<UInt8>
    private(set) var attributes: RawBuffer<AttributeRecord>
    private(set) var names = NameTable()
    /// libxml2's message when the build stopped early (elements nested past the depth limit).
    private(set) var halt: String?

    /// Open elements, innermost last (libxml2's node stack).
    private var stack: RawBuffer<Int32>
    /// Names by the address libxml2 handed them over at: a direct-mapped cache of `nameSlots` entries.
    private var nameCache: UnsafeMutablePointer<(address: UInt, id: UInt16)>
    private static let nameSlots = 1024
    /// Nesting allowed before the parse stops, or nil for no limit.
    private let maximumDepth: Int?
    private let context: htmlParserCtxtPtr
    private var hasDoctype = false

    init(context: htmlParserCtxtPtr, inputSize: Int, maximumDepth: Int?) {
        self.context = context
        self.maximumDepth = maximumDepth
        // Measured on the family's pages: about one node per 30 bytes, and text a little under the size.
        nodes = RawBuffer(capacity: inputSize / 24 + 64)
        bytes = RawBuffer(capacity: inputSize + 64)
        attributes = RawBuffer(capacity: inputSize / 64 + 16)
        stack = RawBuffer(capacity: 64)
        nameCache = .allocate(capacity: Self.nameSlots)
        nameCache.initialize(repeating: (0, 0), count: Self.nameSlots)
        nodes.append(NodeRecord(parent: -1, code: .document))
        nodes.append(NodeRecord(parent: -1, code: .doctype))
        padBytes()
    }

    /// Bytes of zeros before the first byte stored and after the last: readers may load a whole
    /// vector that starts up to two bytes before any stored byte or at any stored byte (see
    /// `TextLengthCounter`).
    static let bytePadding = 16

    /// Pads the byte store and releases what only building needed; the three stores now belong to
    /// the caller.
    mutating func finish() {
        padBytes()
        stack.deallocate()
        nameCache.deallocate()
    }

    private mutating func padBytes() {
        let zeros = [UInt8](repeating: 0, count: Self.bytePadding)
        zeros.withUnsafeBufferPointer { bytes.append(contentsOf: $0) }
    }

    // MARK: The SAX handler

    /// The callbacks libxml2's HTML parser calls; `userData` is the builder.
    static func handler() -> htmlSAXHandler {
        var handler = htmlSAXHandler()
        handler.initialized = 1
        handler.startElement = { user, name, attributes in
            TreeBuilder.with(user) { $0.startElement(name, attributes) }
        }
        handler.endElement = { user, _ in
            TreeBuilder.with(user) { $0.endElement() }
        }
        handler.characters = { user, characters, length in
            TreeBuilder.with(user) { $0.text(characters, length, code: .text) }
        }
        handler.cdataBlock = { user, characters, length in
            TreeBuilder.with(user) { $0.text(characters, length, code: .cdata) }
        }
        // With blanks kept (libxml2's default) whitespace arrives as characters; this is never called.
        handler.ignorableWhitespace = { _, _, _ in }
        handler.comment = { user, value in
            TreeBuilder.with(user) { $0.comment(value) }
        }
        handler.processingInstruction = { user, target, data in
            TreeBuilder.with(user) { $0.processingInstruction(target, data) }
        }
        handler.internalSubset = { user, _, _, _ in
            TreeBuilder.with(user) { $0.doctype() }
        }
        return handler
    }

    @inline(__always)
    private static func with(_ user: UnsafeMutableRawPointer?, _ body: (inout TreeBuilder) -> Void) {
        guard let user else { return }
        body(&user.assumingMemoryBound(to: TreeBuilder.self).pointee)
    }

    // MARK: Events

    private mutating func startElement(_ name: UnsafePointer<xmlChar>?, _ attributeList: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        guard let name else { return }
        if let maximumDepth, stack.count > maximumDepth {
            // libxml2's nodePush refuses the element and halts the parser, with this message.
            stop("Excessive depth in document: \(maximumDepth) use XML_PARSE_HUGE option")
            return
        }
        let parent: Int32
        let first = nodes[0].firstChild
        if first < 0 {
            parent = Self.documentIndex
        } else if let open = currentElement {
            parent = open
        } else {
            // After the root has closed, libxml2 hangs new elements under the document's first child
            // when that is an element, and beside it otherwise.
            parent = nodes[Int(first)].code == .element ? first : Self.documentIndex
        }
        var record = NodeRecord(parent: parent, code: .element)
        record.name = nameID(name)
        record.start = Int32(attributes.count)
        if let attributeList {
            var index = 0
            while let attributeName = attributeList[index] {
                var value = attributeList[index + 1]
                if value == nil, htmlIsBooleanAttr(attributeName) != 0 { value = attributeName }
                var attribute = AttributeRecord(start: Int32(bytes.count), length: 0, name: nameID(attributeName),
                                                hasValue: value != nil)
                if let value {
                    let length = strlen(value)
                    guard store(value, count: length) else { return }
                    attribute.length = Int32(length)
                }
                attributes.append(attribute)
                index += 2
            }
        }
        record.length = Int32(attributes.count) - record.start
        let index = Int32(nodes.count)
        nodes.append(record)
        link(index, under: parent)
        stack.append(index)
    }

    private mutating func endElement() {
        if stack.count > 0 { stack.removeLast() }
    }

    private var currentElement: Int32? {
        stack.count > 0 ? stack[stack.count - 1] : nil
    }

    private mutating func text(_ characters: UnsafePointer<xmlChar>?, _ length: Int32, code: NodeCode) {
        guard let parent = currentElement, let characters, length >= 0 else { return }
        let last = nodes[Int(parent)].lastChild
        if last >= 0, nodes[Int(last)].code == code {
            // Adjacent runs join, as libxml2 joins them. Nothing is stored after the last child's
            // bytes while it stays the last child, so they can simply grow.
            var record = nodes[Int(last)]
            if Int(record.start + record.length) != bytes.count {
                // (Never expected; kept correct anyway: copy the run to the end first.)
                let run = Array(UnsafeBufferPointer(start: bytes.base + Int(record.start), count: Int(record.length)))
                let moved = Int32(bytes.count)
                guard run.withUnsafeBufferPointer({ store($0.baseAddress ?? characters, count: $0.count) }) else { return }
                record.start = moved
            }
            guard store(characters, count: Int(length)) else { return }
            record.length += length
            nodes[Int(last)] = record
            return
        }
        appendLeaf(NodeRecord(parent: parent, code: code), content: characters, count: Int(length))
    }

    private mutating func comment(_ value: UnsafePointer<xmlChar>?) {
        appendLeaf(NodeRecord(parent: currentElement ?? Self.documentIndex, code: .comment), content: value, count: value.map { strlen($0) } ?? 0)
    }

    private mutating func processingInstruction(_ target: UnsafePointer<xmlChar>?, _ data: UnsafePointer<xmlChar>?) {
        guard let target else { return }
        var record = NodeRecord(parent: currentElement ?? Self.documentIndex, code: .processingInstruction)
        record.name = nameID(target)
        appendLeaf(record, content: data, count: data.map { strlen($0) } ?? 0)
    }

    /// Stores a text, comment or processing-instruction node's `count` bytes of content and links the node.
    @inline(__always)
    private mutating func appendLeaf(_ leaf: NodeRecord, content: UnsafePointer<xmlChar>?, count: Int) {
        var record = leaf
        record.start = Int32(bytes.count)
        if let content {
            guard store(content, count: count) else { return }
            record.length = Int32(count)
        }
        let index = Int32(nodes.count)
        nodes.append(record)
        link(index, under: record.parent)
    }

    /// libxml2 keeps the first document type declaration of an HTML page, as the document's first child.
    private mutating func doctype() {
        guard !hasDoctype else { return }
        hasDoctype = true
        let index = Self.doctypeIndex
        var document = nodes[0]
        nodes[Int(index)].parent = Self.documentIndex
        nodes[Int(index)].next = document.firstChild
        if document.firstChild >= 0 {
            nodes[Int(document.firstChild)].previous = index
        } else {
            document.lastChild = index
        }
        document.firstChild = index
        nodes[0] = document
    }

    // MARK: Storage

    private mutating func link(_ index: Int32, under parent: Int32) {
        var parentRecord = nodes[Int(parent)]
        let last = parentRecord.lastChild
        if last >= 0 {
            nodes[Int(last)].next = index
            nodes[Int(index)].previous = last
        } else {
            parentRecord.firstChild = index
        }
        parentRecord.lastChild = index
        nodes[Int(parent)] = parentRecord
    }

    /// Appends bytes to the byte store; false (and the parse stopped) past what 32-bit offsets hold.
    private mutating func store(_ source: UnsafePointer<UInt8>, count: Int) -> Bool {
        guard bytes.count + count < Int(Int32.max) else {
            stop("the page's text passes 2 GiB")
            return false
        }
        bytes.append(contentsOf: UnsafeBufferPointer(start: source, count: count))
        return true
    }

    private mutating func stop(_ message: String) {
        if halt == nil { halt = message }
        xmlStopParser(context)
    }

    /// The id of a name libxml2 handed over. libxml2's HTML parser passes element and attribute names
    /// from its dictionary (or as static literals such as the "p" it implies), so an address stands for
    /// one name for the whole parse and is remembered after the name is first read.
    @inline(__always)
    private mutating func nameID(_ name: UnsafePointer<xmlChar>) -> UInt16 {
        let address = UInt(bitPattern: name)
        // Fibonacci hashing: the multiply spreads nearby addresses (a dictionary's) over the slots.
        let slot = Int(truncatingIfNeeded: (UInt64(address) &* 0x9E37_79B9_7F4A_7C15) >> 54)
        let cached = nameCache[slot]
        if cached.address == address { return cached.id }
        let id = names.intern(UnsafeBufferPointer(start: name, count: strlen(name)))
        nameCache[slot] = (address, id)
        return id
    }
}
