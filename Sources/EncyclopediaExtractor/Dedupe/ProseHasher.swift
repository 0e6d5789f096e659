/// One pass over an article's prose that yields its fingerprint (a MinHash signature of its word
/// shingles) and its content hash, at a few instructions per byte.
///
/// Text comes in units (a paragraph, a list item, a table row, a caption, a heading), each made of
/// pieces (a row's cells). Words are runs of letters and digits, normalised: ASCII lowered, Latin
/// letters lowered and stripped of accents (so NFC and NFD spellings agree), Greek and Cyrillic capitals
/// lowered, full-width forms read as ASCII, combining marks and invisible format characters dropped;
/// everything else that is not a letter or digit (punctuation, symbols, spaces of any kind, CRLF) only
/// separates words. A Han, kana or hangul character is a word of its own (those scripts put no spaces
/// between words). Shingles are ``shingleWords`` consecutive words inside one unit, never across units,
/// so moving paragraphs or sections leaves the set of shingles as it was; a unit of fewer words is one
/// shingle of all of them.
///
/// The signature is one-permutation MinHash (Li, Owen & Zhang 2012): each shingle's hash picks one of
/// ``Fingerprint/valueCount`` bins by its top bits and the bin keeps the smallest of the rest; a bin
/// that stays empty (a short text) borrows a filled bin chosen by a fixed probe sequence (Shrivastava's
/// optimal densification), and each bin's minimum is stored as 16 bits of a mix of it. The content hash
/// is 128 bits over the normalised words in order, with unit boundaries.
struct ProseHasher {
    /// Words per shingle. Four: three let unrelated articles share common phrases ("the old mill"),
    /// five or more make one changed or dropped word (a mirror dropping linked words) cost more
    /// shingles; on the generator's mirror corpus the gap between copies and articles sharing a topic
    /// was the same for three, four and five.
    static let shingleWords = 4

    private static let emptyBin = UInt64.max
    /// The bin is the shingle hash's top six bits; the rest orders the shingles within the bin.
    private static let valueMask: UInt64 = (1 << 58) - 1

    /// The smallest shingle value of each bin (`emptyBin` while it has none).
    private var minima = [UInt64](repeating: ProseHasher.emptyBin, count: Fingerprint.valueCount)
    /// Where words go; copied into a local while a piece is scanned, so that it lives in registers.
    private var sink = WordSink()

    /// Words read, units read, shingles made, and UTF-8 bytes of prose read.
    var words: Int { sink.words }
    private(set) var units = 0
    var shingles: Int { sink.shingles }
    private(set) var proseBytes = 0

    init() {}

    // MARK: Units

    /// Reads one piece of the current unit (the end of a piece ends a word).
    mutating func piece(_ text: String) {
        var text = text
        text.withUTF8 { scan($0) }
    }

    /// Reads a whole unit.
    mutating func unit(_ text: String) {
        piece(text)
        endUnit()
    }

    /// Ends the current unit: a unit of fewer words than a shingle becomes one shingle of them.
    mutating func endUnit() {
        guard sink.wordsInUnit > 0 else { return }
        minima.withUnsafeMutableBufferPointer { bins in
            if let base = bins.baseAddress { sink.endUnit(bins: base) }
        }
        units += 1
    }

    // MARK: Results

    /// The MinHash signature, or nil when the prose has no word.
    func fingerprint() -> Fingerprint? {
        guard sink.shingles > 0 else { return nil }
        let count = Fingerprint.valueCount
        var values = [UInt16](repeating: 0, count: count)
        for bin in 0..<count {
            var source = bin
            var attempt: UInt64 = 0
            // An empty bin borrows from the bin a fixed sequence of probes finds first filled: two texts
            // with the same filled bins borrow alike.
            while minima[source] == Self.emptyBin {
                attempt += 1
                source = Int(Self.mix(UInt64(bin) << 32 | attempt) % UInt64(count))
            }
            values[bin] = UInt16(truncatingIfNeeded: Self.mix(minima[source]) >> 48)
        }
        return Fingerprint(unchecked: values)
    }

    /// The hash of the normalised words in order, or nil when there are none.
    func contentHash() -> ContentHash? {
        guard sink.words > 0 else { return nil }
        return ContentHash(high: Self.mix(sink.content1 ^ UInt64(sink.words)), low: Self.mix(sink.content2 ^ UInt64(units)))
    }

    // MARK: Words and shingles

    /// The words of the current unit so far, the running content hash and the counts.
    private struct WordSink {
        /// Polynomial hash (base `windowBase`) of the unit's last four words: a rolling window.
        var window: UInt64 = 0
        /// The unit's last four words, newest first (0 where the unit has fewer).
        var w1: UInt64 = 0, w2: UInt64 = 0, w3: UInt64 = 0, w4: UInt64 = 0
        var wordsInUnit = 0
        var content1: UInt64 = 0x243F_6A88_85A3_08D3
        var content2: UInt64 = 0x1319_8A2E_0370_7344
        var words = 0
        var shingles = 0

        static let windowBase: UInt64 = 0x9FB2_1C65_1E98_DF25
        /// `windowBase` to the fourth: what the word leaving the window weighs.
        static let windowBase4: UInt64 = windowBase &* windowBase &* windowBase &* windowBase

        /// A finished word: its packed bytes (exact for words of up to eight bytes).
        @inline(__always)
        mutating func emit(_ word: UInt64, bins: UnsafeMutablePointer<UInt64>) {
            content1 = (content1 ^ word) &* 0xD6E8_FEB8_6659_FD93
            content2 = content2 &* 0xA076_1D64_78BD_642F &+ word
            window = window &* Self.windowBase &+ word &- w4 &* Self.windowBase4
            w4 = w3
            w3 = w2
            w2 = w1
            w1 = word
            wordsInUnit &+= 1
            if wordsInUnit >= ProseHasher.shingleWords { shingle(window, bins: bins) }
        }

        /// A shingle's hash: the window mixed by a multiply, whose top bits pick the bin.
        @inline(__always)
        mutating func shingle(_ hash: UInt64, bins: UnsafeMutablePointer<UInt64>) {
            let mixed = (hash ^ (hash >> 29)) &* 0xBF58_476D_1CE4_E5B9
            let bin = Int(truncatingIfNeeded: mixed >> 58)
            let value = mixed & ProseHasher.valueMask
            shingles &+= 1
            if value < bins[bin] { bins[bin] = value }
        }

        mutating func endUnit(bins: UnsafeMutablePointer<UInt64>) {
            // A unit of fewer words than a shingle is one shingle of them (its window marked apart).
            if wordsInUnit < ProseHasher.shingleWords { shingle(window ^ 0x5899_65CC_7537_4CC3, bins: bins) }
            words &+= wordsInUnit
            content1 = (content1 ^ 0x9E37_79B9_7F4A_7C15) &* 0xFF51_AFD7_ED55_8CCD
            content2 = (content2 &+ 0x6A09_E667_F3BC_C909) &* 0xC4CE_B9FE_1A85_EC53
            wordsInUnit = 0
            window = 0
            w1 = 0
            w2 = 0
            w3 = 0
            w4 = 0
        }
    }

    /// A word that runs past the bytes in hand: its bytes packed eight to a register, earlier registers
    /// folded (the same value as a word read whole, however it is split).
    private struct WordBytes {
        var chunk: UInt64 = 0
        var shift: UInt64 = 0
        var folded: UInt64 = 0

        var started: Bool { chunk != 0 || folded != 0 }

        /// Appends `count` bytes (packed little-endian in `bits`, at most eight; none of them 0).
        @inline(__always)
        mutating func append(_ bits: UInt64, count: Int) {
            chunk |= bits << shift
            let next = shift &+ UInt64(truncatingIfNeeded: count &* 8)
            if next >= 64 {
                folded = (folded ^ chunk) &* 0xBF58_476D_1CE4_E5B9
                chunk = bits >> (64 &- shift)
                shift = next &- 64
            } else {
                shift = next
            }
        }

        /// Ends the word, handing it to `sink`.
        @inline(__always)
        mutating func end(into sink: inout WordSink, bins: UnsafeMutablePointer<UInt64>) {
            guard started else { return }
            sink.emit(folded ^ chunk, bins: bins)
            self = WordBytes()
        }
    }

    // MARK: Scanning

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// For eight bytes below 0x80: 0x80 in each byte within low...high.
    @inline(__always)
    private static func within(_ bytes: UInt64, _ low: UInt64, _ high: UInt64) -> UInt64 {
        let atLeast = bytes &+ ones &* (0x80 &- low)
        let above = bytes &+ ones &* (0x7F &- high)
        return atLeast & ~above & highBits
    }

    /// The low `count` bytes of a register (count 0...8).
    @inline(__always)
    private static func low(_ bits: UInt64, bytes count: Int) -> UInt64 {
        count >= 8 ? bits : bits & ((1 &<< UInt64(truncatingIfNeeded: count &* 8)) &- 1)
    }

    private mutating func scan(_ text: UnsafeBufferPointer<UInt8>) {
        guard let base = text.baseAddress, !text.isEmpty else { return }
        proseBytes &+= text.count
        var sink = self.sink
        minima.withUnsafeMutableBufferPointer { minima in
            guard let bins = minima.baseAddress else { return }
            Self.scan(base, count: text.count, into: &sink, bins: bins)
        }
        self.sink = sink
    }

    /// Eight bytes at a time: which are letters or digits (0x80 in their byte), and their lower case;
    /// the words that end inside the eight go straight to the sink, one that runs on is carried.
    private static func scan(_ base: UnsafePointer<UInt8>, count end: Int, into sink: inout WordSink, bins: UnsafeMutablePointer<UInt64>) {
        var carried = WordBytes()
        var index = 0
        while index < end {
            var bytes: UInt64 = 0
            var available = end &- index
            if available >= 8 {
                bytes = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                available = 8
            } else {
                for k in 0..<available { bytes |= UInt64(base[index &+ k]) << UInt64(truncatingIfNeeded: k &* 8) }
            }
            let nonASCII = bytes & highBits
            let usable = nonASCII == 0 ? available : Int(truncatingIfNeeded: nonASCII.trailingZeroBitCount >> 3)
            let letters = within(bytes | (ones &* 0x20), 0x61, 0x7A)
            var wordBytes = low(letters | within(bytes, 0x30, 0x39), bytes: usable)
            let lowered = bytes | (letters >> 2)

            if carried.started && usable > 0 {
                if wordBytes & 0x80 == 0 {
                    carried.end(into: &sink, bins: bins)
                } else {
                    let run = Int(truncatingIfNeeded: (~wordBytes & highBits).trailingZeroBitCount >> 3)
                    carried.append(low(lowered, bytes: run), count: run)
                    if run >= usable {
                        index &+= usable
                        if usable < available { index = scalar(at: index, in: base, end: end, word: &carried, sink: &sink, bins: bins) }
                        continue
                    }
                    carried.end(into: &sink, bins: bins)
                    wordBytes &= ~0 &<< UInt64(truncatingIfNeeded: run &* 8)
                }
            }
            while wordBytes != 0 {
                let start = UInt64(truncatingIfNeeded: wordBytes.trailingZeroBitCount)
                let stop = UInt64(truncatingIfNeeded: (~wordBytes & highBits & (~0 &<< start)).trailingZeroBitCount)
                let first = Int(truncatingIfNeeded: start >> 3)
                if stop >= 64 || Int(truncatingIfNeeded: stop >> 3) >= usable {
                    // Runs to the end of the bytes in hand: carried into the next eight (or the scalar after).
                    carried.append(low(lowered >> (start &- 7), bytes: usable &- first), count: usable &- first)
                    break
                }
                sink.emit((lowered >> (start &- 7)) & ((1 &<< (stop &- start)) &- 1), bins: bins)
                wordBytes &= ~0 &<< stop
            }
            index &+= usable
            if usable < available {
                index = scalar(at: index, in: base, end: end, word: &carried, sink: &sink, bins: bins)
            }
        }
        carried.end(into: &sink, bins: bins)
    }

    /// Reads the non-ASCII scalar at `index` (the text is valid UTF-8) and returns the index after it.
    private static func scalar(at index: Int, in base: UnsafePointer<UInt8>, end: Int, word: inout WordBytes,
                               sink: inout WordSink, bins: UnsafeMutablePointer<UInt64>) -> Int
    {
        let lead = UInt32(base[index])
        var length: Int
        var value: UInt32
        if lead < 0xE0 {
            length = 2
            value = lead & 0x1F
        } else if lead < 0xF0 {
            length = 3
            value = lead & 0x0F
        } else {
            length = 4
            value = lead & 0x07
        }
        length = min(length, end &- index)
        var raw = UInt64(lead)
        var k = 1
        while k < length {
            let byte = base[index &+ k]
            value = value << 6 | UInt32(byte & 0x3F)
            raw |= UInt64(byte) << UInt64(truncatingIfNeeded: k &* 8)
            k &+= 1
        }
        switch ProseFolding.fold(value) {
        case .separator:
            word.end(into: &sink, bins: bins)
        case .ignored:
            break
        case .keep:
            word.append(raw, count: length)
        case let .replace(bits, count):
            word.append(bits, count: count)
        case let .ascii(byte):
            if ProseFolding.isASCIIWordByte(byte) {
                word.append(UInt64(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte), count: 1)
            } else {
                word.end(into: &sink, bins: bins)
            }
        case .wordOfItsOwn:
            word.end(into: &sink, bins: bins)
            word.append(raw, count: length)
            word.end(into: &sink, bins: bins)
        }
        return index &+ length
    }

    /// A 64-bit finaliser (MurmurHash3's fmix64).
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x = x &* 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        x = x &* 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return x
    }
}
