/// A fixed set of lowercase phrases found in text by comparing UTF-8 bytes, ignoring ASCII case.
///
/// The licence and footer searches, the ISBN and retrieval-date cues and the link tests look at most of
/// a page's text, so the search skips ahead rather than looking at every byte (Wu and Manber's method):
/// it slides a window as long as the shortest phrase along the text and reads the two bytes at the
/// window's end; a pair that ends no phrase's opening lets the window jump by up to its whole length.
/// Only where a phrase can start are phrases compared, byte by byte. A pair is looked up by the low
/// five bits of each byte, which are the same for a letter's two cases: the lookup needs no case
/// folding, and bytes that share those bits with a phrase's only make the window move less.
///
/// Long texts are first sieved, sixteen starting places at a time, for a set of up to 16 phrases
/// (`sievedMatch`); the skipping search takes the text's last few bytes, short texts, and larger sets.
public struct PhraseSet: Sendable {
    private let phrases: [[UInt8]]
    /// For each byte value, the phrases that start with it (indexes into `phrases`, in list order).
    private let byFirstByte: [[Int]]
    /// The length of the shortest phrase: the window.
    private let window: Int
    /// How far the window may move when it ends in a given byte pair (see `slot`).
    private let shifts: [UInt8]
    /// For sets of a few phrases of two bytes or more: each phrase's bytes at offsets 0, 1 and
    /// `sieveThird`, for testing sixteen starting places at once in long texts (see `sievedMatch`).
    /// Empty for other sets.
    private let sieve: [SieveEntry]
    /// The third offset the sieve tests: the window's fifth byte, or its last when it is shorter.
    private let sieveThird: Int

    private struct SieveEntry {
        let first: SIMD16<UInt8>
        let second: SIMD16<UInt8>
        let third: SIMD16<UInt8>
    }

    private static let shiftSlots = 1 << 10
    /// The most phrases the sieve tests, and the shortest text it is used on.
    private static let sievedPhrases = 16
    private static let sieveMinimumLength = 48

    /// - Parameter phrases: lowercase phrases (non-ASCII characters are matched exactly).
    public init(_ phrases: [String]) {
        self.phrases = phrases.map { Array($0.utf8) }.filter { !$0.isEmpty }
        var table = [[Int]](repeating: [], count: 256)
        for (index, phrase) in self.phrases.enumerated() { table[Int(phrase[0])].append(index) }
        byFirstByte = table
        window = self.phrases.map(\.count).min() ?? 0
        // A one-byte phrase can start anywhere: every position is looked at (shift 0).
        let longest = UInt8(clamping: max(window - 1, 0))
        var shifts = [UInt8](repeating: longest, count: Self.shiftSlots)
        if window >= 2 {
            for phrase in self.phrases {
                // The pair ending at offset j + 1 of the phrase's first `window` bytes may end a window
                // when the phrase starts window - 2 - j bytes further on.
                for offset in 0...(window - 2) {
                    let slot = Self.slot(phrase[offset], phrase[offset + 1])
                    shifts[slot] = min(shifts[slot], UInt8(clamping: window - 2 - offset))
                }
            }
        }
        self.shifts = shifts
        // The sieve compares text with its case bit set, so each byte it tests must be one that setting
        // the bit leaves alone (a small letter, a digit, a space, "-"…).
        let third = min(window, 5) - 1
        sieveThird = third
        let sieveOffsets = [0, 1, third]
        if window >= 2, self.phrases.count <= Self.sievedPhrases,
            self.phrases.allSatisfy({ phrase in sieveOffsets.allSatisfy { phrase[$0] | 0x20 == phrase[$0] } })
        {
            sieve = self.phrases.map { phrase in
                SieveEntry(first: SIMD16(repeating: phrase[0]), second: SIMD16(repeating: phrase[1]),
                           third: SIMD16(repeating: phrase[third]))
            }
        } else {
            sieve = []
        }
    }

    /// `byte` with an ASCII capital made small (how phrases and class words are compared).
    @inline(__always)
    static func folded(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    /// The shift-table slot of a pair of bytes: the low five bits of each, so both letter cases of a
    /// pair share a slot.
    @inline(__always)
    private static func slot(_ first: UInt8, _ second: UInt8) -> Int {
        Int(first & 0x1F) &<< 5 | Int(second & 0x1F)
    }

    /// The earliest match: which phrase (its index in the list given) and its UTF-8 offset in `text`.
    public func firstMatch(in text: String) -> (phrase: Int, offset: Int)? {
        var text = text
        return text.withUTF8 { firstMatch(inBytes: $0) }
    }

    /// The earliest match in UTF-8 bytes: which phrase (the first in list order that starts there)
    /// and its offset. Package-internal: a caller outside the package passes a `String` (habit 1 of
    /// the style guide: no public signature shows an unsafe pointer).
    package func firstMatch(inBytes bytes: UnsafeBufferPointer<UInt8>) -> (phrase: Int, offset: Int)? {
        let count = bytes.count
        guard window > 0, count >= window, let base = bytes.baseAddress else { return nil }
        var from = 0
        if !sieve.isEmpty, count >= Self.sieveMinimumLength {
            let sieved = sievedMatch(bytes)
            if let found = sieved.match { return found }
            from = sieved.next
        }
        if window == 1 {
            for start in 0..<count {
                if let found = compare(bytes, at: start) { return (found, start) }
            }
            return nil
        }
        return shifts.withUnsafeBufferPointer { shifts -> (phrase: Int, offset: Int)? in
            guard let table = shifts.baseAddress else { return nil }
            // `last` is the window's last byte; wrapping arithmetic: no offset here can overflow.
            var last = from &+ window &- 1
            while last < count {
                let shift = Int(table[Self.slot(base[last &- 1], base[last])])
                if shift > 0 {
                    last = last &+ shift
                    continue
                }
                let start = last &- (window &- 1)
                if let found = compare(bytes, at: start) { return (found, start) }
                last = last &+ 1
            }
            return nil
        }
    }

    /// The earliest match starting in the text's blocks of sixteen starting places that can be tested
    /// whole (every byte read lies inside `bytes`), or else where those blocks end.
    ///
    /// The skipping search reads one table entry after another, each read waiting for the one before;
    /// here sixteen places are tested at once, by comparing the bytes at offsets 0, 1 and
    /// `sieveThird` of each with those of every phrase (the text with its case bit set, so capitals
    /// match too). Only where all three agree for some phrase are the phrases compared, place by place.
    private func sievedMatch(_ bytes: UnsafeBufferPointer<UInt8>) -> (match: (phrase: Int, offset: Int)?, next: Int) {
        guard let base = bytes.baseAddress else { return (nil, 0) }
        let count = bytes.count
        let caseBit = SIMD16<UInt8>(repeating: 0x20)
        return sieve.withUnsafeBufferPointer { entries -> (match: (phrase: Int, offset: Int)?, next: Int) in
            var start = 0
            // The block's last read is 16 bytes from offset `sieveThird` of its start.
            let third = sieveThird
            while start &+ third &+ 16 <= count {
                let first = ByteVector.load(base + start) | caseBit
                let second = ByteVector.load(base + start + 1) | caseBit
                let atThird = ByteVector.load(base + start + third) | caseBit
                // All-ones bytes where some phrase's three bytes agree. The masks are combined as byte
                // vectors: combined as masks, each step was compiled with a conversion of its own.
                var hits = SIMD16<UInt8>()
                for entry in entries {
                    hits |= ByteVector.bytes(first .== entry.first) & ByteVector.bytes(second .== entry.second)
                        & ByteVector.bytes(atThird .== entry.third)
                }
                let words = unsafeBitCast(hits, to: SIMD2<UInt64>.self)
                if words[0] | words[1] != 0 {
                    for half in 0..<2 {
                        var word = words[half]
                        while word != 0 {
                            let lane = word.trailingZeroBitCount / 8
                            word &= ~(UInt64(0xFF) << (lane * 8))
                            let position = start + half * 8 + lane
                            if let found = compare(bytes, at: position) { return ((found, position), position) }
                        }
                    }
                }
                start &+= 16
            }
            return (nil, start)
        }
    }

    /// The phrase (if any) starting at `index`, the first in list order.
    @inline(__always)
    private func compare(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        for candidate in byFirstByte[Int(Self.folded(bytes[index]))] {
            let phrase = phrases[candidate]
            guard index + phrase.count <= bytes.count else { continue }
            var offset = 1
            while offset < phrase.count && Self.folded(bytes[index + offset]) == phrase[offset] { offset += 1 }
            if offset == phrase.count { return candidate }
        }
        return nil
    }

    /// True when `text` holds one of the phrases.
    public func matches(_ text: String) -> Bool { firstMatch(in: text) != nil }

    /// The length in bytes of the shortest phrase: no shorter text holds one.
    var shortestLength: Int { window }
}
