/// A fixed set of lowercase phrases found in text by comparing UTF-8 bytes, ignoring ASCII case.
///
/// The licence and footer searches, the ISBN and retrieval-date cues and the link tests look at most of
/// a page's text, so the search skips ahead rather than looking at every byte (Wu and Manber's method):
/// it slides a window as long as the shortest phrase along the text and reads the two bytes at the
/// window's end; a pair that ends no phrase's opening lets the window jump by up to its whole length.
/// Only where a phrase can start are phrases compared, byte by byte.
public struct PhraseSet: Sendable {
    private let phrases: [[UInt8]]
    /// For each byte value, the phrases that start with it (indexes into `phrases`, in list order).
    private let byFirstByte: [[Int]]
    /// The length of the shortest phrase: the window.
    private let window: Int
    /// How far the window may move when it ends in a given byte pair (hashed to `shiftSlots`).
    private let shifts: [UInt8]

    private static let shiftSlots = 4096

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
    }

    @inline(__always)
    private static func folded(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    /// The shift-table slot of a pair of (already folded) bytes.
    @inline(__always)
    private static func slot(_ first: UInt8, _ second: UInt8) -> Int {
        (Int(first) &<< 5 ^ Int(second)) & (shiftSlots - 1)
    }

    /// The earliest match: which phrase (its index in the list given) and its UTF-8 offset in `text`.
    public func firstMatch(in text: String) -> (phrase: Int, offset: Int)? {
        var text = text
        return text.withUTF8 { firstMatch(inBytes: $0) }
    }

    /// The earliest match in UTF-8 bytes: which phrase (the first in list order that starts there)
    /// and its offset.
    public func firstMatch(inBytes bytes: UnsafeBufferPointer<UInt8>) -> (phrase: Int, offset: Int)? {
        let count = bytes.count
        guard window > 0, count >= window, let base = bytes.baseAddress else { return nil }
        if window == 1 {
            for start in 0..<count {
                if let found = compare(bytes, at: start) { return (found, start) }
            }
            return nil
        }
        return shifts.withUnsafeBufferPointer { shifts -> (phrase: Int, offset: Int)? in
            var start = 0
            let lastStart = count - window
            while start <= lastStart {
                let end = start + window
                let shift = Int(shifts[Self.slot(Self.folded(base[end - 2]), Self.folded(base[end - 1]))])
                if shift > 0 {
                    start += shift
                    continue
                }
                if let found = compare(bytes, at: start) { return (found, start) }
                start += 1
            }
            return nil
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
}
