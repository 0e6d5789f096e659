#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Collects text from nodes and strings into one line: runs of whitespace (including no-break
/// spaces) become one space, and leading and trailing whitespace is dropped.
///
/// Works on UTF-8 bytes and builds one `String` at the end, so gathering a paragraph costs one
/// allocation however many text nodes it spans. Whitespace is collapsed as the bytes are copied, with
/// arithmetic in place of a branch per byte (prose changes between word and space every few bytes,
/// which a branch predicts badly).
public struct TextBuffer {
    /// The collected bytes are `storage[0..<count]`; the rest is room to write into.
    private var storage: [UInt8] = []
    private var count = 0
    private var pendingSpace = false

    /// Creates an empty buffer.
    public init() {}

    /// True when nothing but whitespace has been appended.
    public var isEmpty: Bool { count == 0 }

    /// The number of UTF-8 bytes collected so far (a pending space not counted).
    public var byteCount: Int { count }

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
            appendContent(document.content(of: own))
            return Int(own.length)
        case .element:
            if Self.silentElements.contains(HTMLName(id: own.name)) { return 0 }
        case .comment, .processingInstruction, .document, .doctype:
            return 0
        }
        var read = 0
        var cursor = SubtreeCursor(nodes: nodes, root: node.index)
        while let current = cursor.next() {
            let record = nodes[Int(current)]
            switch record.code {
            case .text, .cdata:
                // Text directly inside a silent element (other than the one asked for) is left out.
                if record.parent == node.index || !Self.silentElements.contains(HTMLName(id: nodes[Int(record.parent)].name)) {
                    read += Int(record.length)
                    appendContent(document.content(of: record))
                }
            case .element:
                if record.name == HTMLName.br.id { appendSpace() }
            default:
                break
            }
        }
        return read
    }

    /// The length of the text so far in Unicode scalars (a Character count without the cost of one).
    public var scalarCount: Int {
        storage.withUnsafeBufferPointer { bytes in
            var scalars = 0
            for index in 0..<count where bytes[index] & 0xC0 != 0x80 { scalars += 1 }
            return scalars
        }
    }

    /// Appends a string, collapsing its whitespace the same way.
    public mutating func append(_ string: String) {
        var copy = string
        copy.withUTF8 { appendContent($0) }
    }

    /// Marks a word boundary: a space is written before the next non-space text, if any follows.
    public mutating func appendSpace() {
        if count > 0 { pendingSpace = true }
    }

    /// Appends text exactly, without collapsing (for separators such as line breaks in table cells).
    public mutating func appendVerbatim(_ string: String) {
        pendingSpace = false
        var copy = string
        copy.withUTF8 { text in
            reserve(text.count)
            storage.withUnsafeMutableBufferPointer { output in
                for byte in text {
                    output[count] = byte
                    count += 1
                }
            }
        }
    }

    /// Returns the collected text and empties the buffer.
    public mutating func take() -> String {
        let result = storage.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[0..<count]), as: UTF8.self) }
        count = 0
        pendingSpace = false
        return result
    }

    /// The ASCII whitespace bytes that collapse into one space.
    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
    }

    /// 1 for the whitespace bytes, 0 for every other byte value.
    static let spaceTable: [UInt8] = (0..<256).map { isSpace(UInt8($0)) ? 1 : 0 }

    /// Makes room for `extra` more bytes (and a space), growing by doubling.
    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        let needed = count + extra + 1
        guard storage.count < needed else { return }
        storage.append(contentsOf: repeatElement(0, count: max(needed, storage.count * 2, 64) - storage.count))
    }

    /// Appends UTF-8 text, collapsing its whitespace into the buffer.
    mutating func appendContent(_ text: UnsafeBufferPointer<UInt8>) {
        guard let source = text.baseAddress, !text.isEmpty else { return }
        let length = text.count
        reserve(length)
        if Self.isSimple(source, length) {
            appendSimple(source, length)
            return
        }
        // `lastWasSpace` starts true so leading whitespace is dropped; a pending space is written
        // first and the run goes on from it. A space is written for the first byte of each run and
        // the write position only moves on when that byte is not a space following a space.
        var position = count
        var lastWasSpace = true
        let hasNoBreakSpace = memchr(source, 0xC2, length) != nil
        storage.withUnsafeMutableBufferPointer { buffer in
            guard let output = buffer.baseAddress else { return }
            if pendingSpace {
                output[position] = 0x20
                position += 1
            } else if position > 0 {
                lastWasSpace = false
            }
            Self.spaceTable.withUnsafeBufferPointer { table in
                var index = 0
                while index < length {
                    let byte = source[index]
                    var space = table[Int(byte)]
                    if hasNoBreakSpace {
                        // U+00A0 is C2 A0; C2 never continues another character, so the pair is it.
                        let opens = byte == 0xC2 && index + 1 < length && source[index + 1] == 0xA0
                        let closes = byte == 0xA0 && index > 0 && source[index - 1] == 0xC2
                        space |= (opens || closes) ? 1 : 0
                    }
                    output[position] = space == 1 ? 0x20 : byte
                    let skip = space == 1 && lastWasSpace
                    position &+= skip ? 0 : 1
                    lastWasSpace = space == 1
                    index += 1
                }
            }
        }
        // A run of whitespace at the end is held back: it becomes a space only if text follows.
        if lastWasSpace, position > count {
            position -= 1
            pendingSpace = position > 0
        } else {
            pendingSpace = false
        }
        count = position
    }

    /// True when the only whitespace in the text is single spaces (no tab, line break, no-break space or
    /// doubled space): most prose, which is then copied as it stands. Eight bytes at a time.
    private static func isSimple(_ source: UnsafePointer<UInt8>, _ length: Int) -> Bool {
        if memchr(source, 0xC2, length) != nil { return false }
        var index = 0
        var lastWasSpace: UInt64 = 0
        while index + 8 <= length {
            let word = UnsafeRawPointer(source + index).loadUnaligned(as: UInt64.self)
            let spaces = TextLengthCounter.zeroBytes(word ^ TextLengthCounter.broadcast(0x20))
            // Any byte below 0x21 but a space (a tab, a line break, a control) sends the text the
            // long way, as does a space after a space.
            let others = TextLengthCounter.belowBytes(word, 0x21) & ~spaces
            if others != 0 || spaces & ((spaces << 8) | (lastWasSpace << 7)) != 0 { return false }
            lastWasSpace = spaces >> 63
            index += 8
        }
        var previousSpace = lastWasSpace == 1
        while index < length {
            let byte = source[index]
            if byte == 0x20 {
                if previousSpace { return false }
                previousSpace = true
            } else {
                if isSpace(byte) { return false }
                previousSpace = false
            }
            index += 1
        }
        return true
    }

    /// Appends text whose only whitespace is single spaces: a space held back or opening the text, the
    /// words copied in one go, a closing space held back.
    private mutating func appendSimple(_ source: UnsafePointer<UInt8>, _ length: Int) {
        let opensWithSpace = source[0] == 0x20
        let closesWithSpace = source[length - 1] == 0x20
        let start = opensWithSpace ? 1 : 0
        let end = closesWithSpace ? length - 1 : length
        guard start < end else {
            // A single space.
            if count > 0 { pendingSpace = true }
            return
        }
        storage.withUnsafeMutableBufferPointer { buffer in
            guard let output = buffer.baseAddress else { return }
            if count > 0 && (pendingSpace || opensWithSpace) {
                output[count] = 0x20
                count += 1
            }
            memcpy(output + count, source + start, end - start)
            count += end - start
        }
        pendingSpace = closesWithSpace
    }

    /// Elements whose text is never prose.
    static let silentElements = HTMLNameSet(["script", "style", "noscript", "template"])
}

/// Counts the length ``TextBuffer`` would give text, in Unicode scalars with each run of whitespace
/// counting one and none at the ends, without collecting it (arithmetic, not a branch, per byte).
struct TextLengthCounter {
    private var counted = 0
    /// 1 while the last byte counted was whitespace (and at the start, so leading whitespace is free).
    private var lastWasSpace = 1

    /// Counts `bytes`, text from a document's byte store: the store is padded, so the word that
    /// holds the last bytes can be read whole (its bytes past the end are masked off).
    mutating func count(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        let total = bytes.count
        var index = 0
        // Without a no-break space (C2 A0) in the text, eight bytes are counted at once.
        if memchr(base, 0xC2, total) == nil {
            var counted = counted
            var lastWasSpace = UInt64(lastWasSpace)
            while index < total {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                let valid = total - index
                // The bytes of this word that belong to the text (all eight but in the last word).
                let inText = valid >= 8 ? Self.highBits : Self.highBits & ((1 << UInt64(valid * 8)) &- 1)
                // The high bit of each byte of `spaces` is set for a whitespace byte, of
                // `continuations` for a byte 10xxxxxx (which starts no scalar).
                let spaces = Self.whitespaceBytes(word) & inText
                let continuations = word & ~(word << 1) & Self.highBits
                // The byte before each byte was whitespace (the last byte of the previous word for
                // the first): a whitespace byte after one adds nothing.
                let previous = (spaces << 8) | (lastWasSpace << 7)
                let startsRun = spaces & ~previous
                let otherScalars = ~spaces & ~continuations & inText
                counted += Self.countHighBits(startsRun | otherScalars)
                // Continuation bytes never follow whitespace here (C2 A0 is ruled out above), so
                // the last byte alone says whether the text ends in a run of whitespace.
                lastWasSpace = valid >= 8 ? spaces >> 63 : (spaces >> UInt64(valid * 8 - 1)) & 1
                index += 8
            }
            self.counted = counted
            self.lastWasSpace = Int(lastWasSpace)
            return
        }
        var counted = counted
        var lastWasSpace = lastWasSpace
        TextBuffer.spaceTable.withUnsafeBufferPointer { table in
            while index < total {
                let byte = base[index]
                var space = Int(table[Int(byte)])
                let opens = byte == 0xC2 && index + 1 < total && base[index + 1] == 0xA0
                let closes = byte == 0xA0 && index > 0 && base[index - 1] == 0xC2
                space |= (opens || closes) ? 1 : 0
                // A scalar starts at every byte but a continuation byte (10xxxxxx).
                let starts = byte & 0xC0 != 0x80 ? 1 : 0
                // A space counts when it opens a run; any other scalar counts once.
                counted += space * (1 - lastWasSpace) + (1 - space) * starts
                lastWasSpace = space | (lastWasSpace & (1 - starts))
                index += 1
            }
        }
        self.counted = counted
        self.lastWasSpace = lastWasSpace
    }

    /// The number of bytes of `mask` (only high bits set) whose high bit is set, by a multiply: the
    /// portable build has no population-count instruction to call on.
    @inline(__always)
    private static func countHighBits(_ mask: UInt64) -> Int {
        Int(((mask >> 7) &* 0x0101_0101_0101_0101) >> 56)
    }

    /// The high bit of every byte (written as literals where used: the constants fold).
    static var highBits: UInt64 { 0x8080_8080_8080_8080 }
    private static var lowBits: UInt64 { 0x7F7F_7F7F_7F7F_7F7F }

    @inline(__always)
    static func broadcast(_ byte: UInt8) -> UInt64 {
        UInt64(byte) &* 0x0101_0101_0101_0101
    }

    /// The high bit of each byte set where that byte of `word` is ASCII whitespace (space, tab, line
    /// feed, form feed, carriage return). Prose has spaces and few other bytes below 0x21, so the four
    /// other comparisons are made only for a word holding such a byte.
    @inline(__always)
    static func whitespaceBytes(_ word: UInt64) -> UInt64 {
        let spaces = zeroBytes(word ^ broadcast(0x20))
        if belowBytes(word, 0x21) & ~spaces == 0 { return spaces }
        return spaces | zeroBytes(word ^ broadcast(0x0A)) | zeroBytes(word ^ broadcast(0x09))
            | zeroBytes(word ^ broadcast(0x0D)) | zeroBytes(word ^ broadcast(0x0C))
    }

    /// The high bit of each byte set where that byte of `word` is below `limit` (at most 0x80; exact:
    /// bytes with their own high bit set are excluded before the subtraction can borrow).
    @inline(__always)
    static func belowBytes(_ word: UInt64, _ limit: UInt8) -> UInt64 {
        ~((word | highBits) &- broadcast(limit)) & ~word & highBits
    }

    /// The high bit of each byte set where that byte of `word` is zero (exact, no borrow between bytes).
    @inline(__always)
    static func zeroBytes(_ word: UInt64) -> UInt64 {
        ~(((word & lowBits) &+ lowBits) | word | lowBits)
    }

    /// Counts a word break (a `<br>`), as one whitespace byte.
    mutating func countBreak() {
        counted += 1 - lastWasSpace
        lastWasSpace = 1
    }

    var length: Int { lastWasSpace == 1 && counted > 0 ? counted - 1 : counted }
}
