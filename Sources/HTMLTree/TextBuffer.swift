
/// Collects text from nodes and strings into one line: runs of whitespace (including no-break
/// spaces) become one space, and leading and trailing whitespace is dropped.
///
/// Works on UTF-8 bytes and builds one `String` at the end, so gathering a paragraph costs one
/// allocation however many text nodes it spans.
public struct TextBuffer {
    private var bytes: [UInt8] = []
    private var pendingSpace = false

    /// Creates an empty buffer.
    public init() {}

    /// True when nothing but whitespace has been appended.
    public var isEmpty: Bool { bytes.isEmpty }

    /// The number of UTF-8 bytes collected so far (a pending space not counted).
    public var byteCount: Int { bytes.count }

    /// Appends the text of `node`: its own content for a text node, every descendant text node of an
    /// element except those inside `script`, `style`, `noscript` and `template`; comments never.
    /// - Returns: how many bytes of text were read, before whitespace was collapsed.
    @discardableResult
    public mutating func append(textOf node: Node) -> Int {
        let document = node.document
        let nodes = document.nodes
        let own = nodes[Int(node.index)]
        switch own.code {
        case .text, .cdata:
            appendCollapsing(UnsafeBufferPointer(start: document.bytes + Int(own.start), count: Int(own.length)))
            return Int(own.length)
        case .element:
            if Self.silentElements.contains(HTMLName(id: own.name)) { return 0 }
        case .comment, .processingInstruction, .document, .doctype:
            return 0
        }
        var read = 0
        var current = own.firstChild
        while current >= 0 {
            let record = nodes[Int(current)]
            switch record.code {
            case .text, .cdata:
                // Text directly inside a silent element (other than the one asked for) is left out.
                let parent = nodes[Int(record.parent)]
                if record.parent == node.index || !Self.silentElements.contains(HTMLName(id: parent.name)) {
                    read += Int(record.length)
                    appendCollapsing(UnsafeBufferPointer(start: document.bytes + Int(record.start), count: Int(record.length)))
                }
            case .element:
                if record.name == HTMLName.br.id { appendSpace() }
            default:
                break
            }
            current = document.successor(of: current, within: node.index, descending: record.code == .element)
        }
        return read
    }

    /// The length of the text so far in Unicode scalars (a Character count without the cost of one).
    public var scalarCount: Int {
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// Appends a string, collapsing its whitespace the same way.
    public mutating func append(_ string: String) {
        var copy = string
        copy.withUTF8 { appendCollapsing($0) }
    }

    /// Marks a word boundary: a space is written before the next non-space text, if any follows.
    public mutating func appendSpace() {
        if !bytes.isEmpty { pendingSpace = true }
    }

    /// Appends text exactly, without collapsing (for separators such as line breaks in table cells).
    public mutating func appendVerbatim(_ string: String) {
        pendingSpace = false
        bytes.append(contentsOf: string.utf8)
    }

    /// Returns the collected text and empties the buffer.
    public mutating func take() -> String {
        let result = String(decoding: bytes, as: UTF8.self)
        bytes.removeAll(keepingCapacity: true)
        pendingSpace = false
        return result
    }

    /// The ASCII whitespace bytes that collapse into one space.
    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
    }

    private mutating func appendCollapsing(_ text: UnsafeBufferPointer<UInt8>) {
        guard let source = text.baseAddress, !text.isEmpty else { return }
        let count = text.count
        let start = bytes.count
        // Room for every byte and one space, written in place, then the unused room cut off.
        bytes.append(contentsOf: repeatElement(0, count: count + 1))
        var pending = pendingSpace
        let written = bytes.withUnsafeMutableBufferPointer { output -> Int in
            var written = start
            var index = 0
            while index < count {
                let byte = source[index]
                if Self.isSpace(byte) {
                    if written > 0 { pending = true }
                    index += 1
                    continue
                }
                if byte == 0xC2, index + 1 < count, source[index + 1] == 0xA0 {
                    if written > 0 { pending = true }
                    index += 2
                    continue
                }
                if pending {
                    output[written] = 0x20
                    written += 1
                    pending = false
                }
                output[written] = byte
                written += 1
                index += 1
            }
            return written
        }
        bytes.removeLast(bytes.count - written)
        pendingSpace = pending
    }

    /// Elements whose text is never prose.
    static let silentElements = HTMLNameSet(["script", "style", "noscript", "template"])
}


/// Counts the length ``TextBuffer`` would give text, in Unicode scalars with each run of whitespace
/// counting one and none at the ends, without collecting it.
struct TextLengthCounter {
    private var counted = 0
    private var inSpace = true

    mutating func count(_ bytes: UnsafeBufferPointer<UInt8>) {
        var index = 0
        let total = bytes.count
        while index < total {
            let byte = bytes[index]
            if TextBuffer.isSpace(byte) {
                if !inSpace { counted += 1; inSpace = true }
            } else if byte == 0xC2, index + 1 < total, bytes[index + 1] == 0xA0 {
                if !inSpace { counted += 1; inSpace = true }
                index += 1
            } else if byte & 0xC0 != 0x80 {
                counted += 1
                inSpace = false
            }
            index += 1
        }
    }

    var length: Int { inSpace && counted > 0 ? counted - 1 : counted }
}
