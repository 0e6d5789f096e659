#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A piece of a node's text, as ``Node/forEachTextPiece(_:)`` walks it.
enum TextPiece {
    /// A text node's content (UTF-8, from the document's byte store).
    case content(UnsafeBufferPointer<UInt8>)
    /// A `<br>`: a word boundary.
    case lineBreak
}

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
        var read = 0
        _ = node.forEachTextPiece { piece in
            if case .content(let bytes) = piece { read += bytes.count }
            append(piece)
            return true
        }
        return read
    }

    /// Appends a piece of a node's text: content collapsed, a line break as a word boundary.
    @inline(__always)
    mutating func append(_ piece: TextPiece) {
        switch piece {
        case .content(let bytes): appendContent(bytes)
        case .lineBreak: appendSpace()
        }
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
    ///
    /// The bytes are made a `String` without validating them again: everything appended is valid
    /// UTF-8 (Swift strings, and text from a document's byte store, which holds the decoded and
    /// repaired page as libxml2 passed it on), and collapsing whitespace only removes whole characters.
    /// Validation cost more than the copy (paragraph text is most of what a page yields); debug and
    /// fuzzing builds still check it.
    public mutating func take() -> String {
        let result = storage.withUnsafeBufferPointer { storage in
            let bytes = UnsafeBufferPointer(rebasing: storage[0..<count])
            #if DEBUG || ENCX_FUZZING
            precondition(UTF8Validation.isValid(UnsafeRawBufferPointer(bytes)), "TextBuffer holds bytes that are not UTF-8")
            #endif
            return String(copying: UTF8Span(unchecked: bytes.span))
        }
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
        grow(to: max(needed, storage.count * 2, 64))
    }

    /// Moves the collected bytes to larger storage. The room after them is left as the allocator
    /// gives it (bytes are only ever read after being written): filling it with zeros first cost more
    /// than the copying.
    private mutating func grow(to size: Int) {
        let kept = count
        storage = storage.withUnsafeBufferPointer { old in
            [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
                if kept > 0, let source = old.baseAddress, let target = buffer.baseAddress {
                    target.update(from: source, count: kept)
                }
                initialized = size
            }
        }
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
    /// doubled space): most prose, which is then copied as it stands. Sixteen bytes at a time.
    private static func isSimple(_ source: UnsafePointer<UInt8>, _ length: Int) -> Bool {
        var index = 0
        let space = SIMD16<UInt8>(repeating: 0x20)
        let below = SIMD16<UInt8>(repeating: 0x21)
        let c2 = SIMD16<UInt8>(repeating: 0xC2)
        // Each vector and the one a byte further on: a space beside a space is a doubled space.
        while index + 17 <= length {
            let bytesHere = ByteVector.load(source + index)
            let next = ByteVector.load(source + index + 1)
            let spaces = bytesHere .== space
            // Any byte below 0x21 but a space (a tab, a line break, a control), a byte that opens a
            // no-break space, or a space before a space sends the text the long way.
            if ByteVector.any(((bytesHere .< below) .& .!spaces) .| (bytesHere .== c2) .| (spaces .& (next .== space))) { return false }
            index += 16
        }
        var previousSpace = index > 0 && source[index - 1] == 0x20
        while index < length {
            let byte = source[index]
            if byte == 0x20 {
                if previousSpace { return false }
                previousSpace = true
            } else {
                if isSpace(byte) || byte == 0xC2 { return false }
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

    /// Counts `bytes`, text from a document's byte store, sixteen bytes at a time (SSE2 through
    /// Swift's SIMD types). The store is padded before its first byte and after its last, so the
    /// vectors that straddle the text's ends can be read whole: the bytes outside are masked off, and
    /// the byte before a vector is read from memory (the carried state stands in for it at the start).
    mutating func count(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        let total = bytes.count
        var counted = counted
        var index = 0
        // Every operand a vector: comparing a vector with a scalar is not vectorised (it runs lane by lane).
        let lanes = ByteVector.laneNumbers
        let firstLane = ByteVector.firstLane
        let c2 = SIMD16<UInt8>(repeating: 0xC2)
        let a0 = SIMD16<UInt8>(repeating: 0xA0)
        let topTwoBits = SIMD16<UInt8>(repeating: 0xC0)
        let continuation = SIMD16<UInt8>(repeating: 0x80)
        let carried = SIMDMask<SIMD16<UInt8>.MaskStorage>(repeating: lastWasSpace == 1)
        while index < total {
            let bytesHere = ByteVector.load(base + index)
            let next = ByteVector.load(base + index + 1)
            let previous = ByteVector.load(base + index - 1)
            let beforePrevious = ByteVector.load(base + index - 2)
            // Whitespace here, and whether the byte before was whitespace (a no-break space is C2 A0).
            let spaces = ByteVector.whitespace(bytesHere)
                .| ((bytesHere .== c2) .& (next .== a0)) .| ((bytesHere .== a0) .& (previous .== c2))
            var previousSpaces = ByteVector.whitespace(previous)
                .| ((previous .== c2) .& (bytesHere .== a0)) .| ((previous .== a0) .& (beforePrevious .== c2))
            // Before the text's first byte stands the state carried from the text before.
            if index == 0 { previousSpaces = (previousSpaces .& .!firstLane) .| (carried .& firstLane) }
            // A scalar starts at every byte but a continuation byte (10xxxxxx).
            let continuations = (bytesHere & topTwoBits) .== continuation
            // A space counts when it opens a run; any other scalar counts once.
            var counts = (spaces .& .!previousSpaces) .| (.!spaces .& .!continuations)
            if total - index < 16 { counts = counts .& (lanes .< SIMD16(repeating: UInt8(total - index))) }
            counted += ByteVector.count(counts)
            index += 16
        }
        self.counted = counted
        // The text's last byte decides whether it ends in whitespace (a continuation byte follows a
        // scalar's first byte, which decided it, except the A0 of a no-break space).
        let last = base[total - 1]
        lastWasSpace = TextBuffer.isSpace(last) || (last == 0xA0 && total > 1 && base[total - 2] == 0xC2) ? 1 : 0
    }

    /// Counts a word break (a `<br>`), as one whitespace byte.
    mutating func countBreak() {
        counted += 1 - lastWasSpace
        lastWasSpace = 1
    }

    var length: Int { lastWasSpace == 1 && counted > 0 ? counted - 1 : counted }
}

/// Sixteen bytes at a time through Swift's SIMD types (SSE2 on x86-64).
enum ByteVector {
    /// 0, 1, …, 15.
    static let laneNumbers = SIMD16<UInt8>(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)
    /// Only the first lane set (built once: building a mask lane by lane is a loop).
    static let firstLane = laneNumbers .== SIMD16(repeating: 0)

    @inline(__always)
    static func load(_ pointer: UnsafePointer<UInt8>) -> SIMD16<UInt8> {
        UnsafeRawPointer(pointer).loadUnaligned(as: SIMD16<UInt8>.self)
    }

    /// How many lanes of `mask` are set (the standard library's lane-by-lane sum, replaced by two
    /// multiplies over the mask's bits).
    @inline(__always)
    static func count(_ mask: SIMDMask<SIMD16<UInt8>.MaskStorage>) -> Int {
        let words = unsafeBitCast(mask, to: SIMD2<UInt64>.self)
        let ones: UInt64 = 0x0101_0101_0101_0101
        return Int(((words[0] & ones) &* ones) >> 56) + Int(((words[1] & ones) &* ones) >> 56)
    }

    /// The mask as bytes: 0xFF in the lanes set, 0 in the others.
    @inline(__always)
    static func bytes(_ mask: SIMDMask<SIMD16<UInt8>.MaskStorage>) -> SIMD16<UInt8> {
        unsafeBitCast(mask, to: SIMD16<UInt8>.self)
    }

    /// True when a lane of `mask` is set.
    @inline(__always)
    static func any(_ mask: SIMDMask<SIMD16<UInt8>.MaskStorage>) -> Bool {
        let words = unsafeBitCast(mask, to: SIMD2<UInt64>.self)
        return words[0] | words[1] != 0
    }

    /// The lanes holding ASCII whitespace (space, tab, line feed, form feed, carriage return).
    @inline(__always)
    static func whitespace(_ bytes: SIMD16<UInt8>) -> SIMDMask<SIMD16<UInt8>.MaskStorage> {
        (bytes .== SIMD16(repeating: 0x20)) .| (bytes .== SIMD16(repeating: 0x0A)) .| (bytes .== SIMD16(repeating: 0x09))
            .| (bytes .== SIMD16(repeating: 0x0D)) .| (bytes .== SIMD16(repeating: 0x0C))
    }
}
