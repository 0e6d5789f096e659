import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

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

    /// Appends the text of `node`: its own content for a text node, every descendant text node of an
    /// element except those inside `script`, `style`, `noscript` and `template`; comments never.
    /// - Returns: how many bytes of text were read, before whitespace was collapsed.
    @discardableResult
    public mutating func append(textOf node: Node) -> Int {
        var read = 0
        switch node.kind {
        case .text:
            node.withOwnContent { content in
                read += content.count
                appendCollapsing(content)
            }
        case .element:
            if Self.isSilent(node.pointer) { return 0 }
            var iterator = node.descendants.makeIterator()
            while let current = iterator.next() {
                let type = current.pointer.pointee.type
                if type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE {
                    if let parent = current.pointer.pointee.parent, parent != node.pointer, Self.isSilent(parent) {
                        continue
                    }
                    current.withOwnContent { content in
                        read += content.count
                        appendCollapsing(content)
                    }
                } else if type == XML_ELEMENT_NODE, Self.isLineBreak(current.pointer) {
                    appendSpace()
                }
            }
        case .comment, .other:
            break
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
        var index = 0
        let count = text.count
        while index < count {
            let byte = text[index]
            if Self.isSpace(byte) {
                if !bytes.isEmpty { pendingSpace = true }
                index += 1
                continue
            }
            if byte == 0xC2, index + 1 < count, text[index + 1] == 0xA0 {
                if !bytes.isEmpty { pendingSpace = true }
                index += 2
                continue
            }
            if pendingSpace {
                bytes.append(0x20)
                pendingSpace = false
            }
            bytes.append(byte)
            index += 1
        }
    }

    /// Elements whose text is never prose.
    static func isSilent(_ element: xmlNodePtr) -> Bool {
        guard element.pointee.type == XML_ELEMENT_NODE, let name = element.pointee.name else { return false }
        return strcmp(name, "script") == 0 || strcmp(name, "style") == 0 || strcmp(name, "noscript") == 0
            || strcmp(name, "template") == 0
    }

    static func isLineBreak(_ element: xmlNodePtr) -> Bool {
        guard let name = element.pointee.name else { return false }
        return strcmp(name, "br") == 0
    }
}

/// Lets Swift strings and libxml2 byte strings meet without building Strings in hot loops.
func strcmp(_ lhs: UnsafePointer<xmlChar>, _ rhs: StaticString) -> Int32 {
    rhs.withUTF8Buffer { expected in
        var index = 0
        while index < expected.count {
            if lhs[index] != expected[index] { return lhs[index] < expected[index] ? -1 : 1 }
            index += 1
        }
        return lhs[index] == 0 ? 0 : 1
    }
}
