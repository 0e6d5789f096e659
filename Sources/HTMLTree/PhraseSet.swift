/// A fixed set of lowercase phrases found in text by comparing UTF-8 bytes, ignoring ASCII case.
///
/// The licence and footer searches look at every block of a page; lowercasing each block and calling
/// Foundation's `contains` cost most of an extraction, while this reads each byte once: a bit table of
/// the phrases' first two bytes rules out nearly every position before any phrase is compared.
public struct PhraseSet: Sendable {
    private let phrases: [[UInt8]]
    /// For each byte value, the phrases that start with it.
    private let byFirstByte: [[Int]]
    /// One bit per (first byte, second byte) pair, folded to lowercase, that some phrase opens with.
    private let pairs: [UInt64]

    /// - Parameter phrases: lowercase phrases (non-ASCII characters are matched exactly).
    public init(_ phrases: [String]) {
        self.phrases = phrases.map { Array($0.utf8) }.filter { !$0.isEmpty }
        var table = [[Int]](repeating: [], count: 256)
        var pairs = [UInt64](repeating: 0, count: 1024)
        for (index, phrase) in self.phrases.enumerated() {
            table[Int(phrase[0])].append(index)
            if phrase.count == 1 {
                // Any second byte: mark the whole row.
                for second in 0..<256 { Self.set(&pairs, Int(phrase[0]) << 8 | second) }
            } else {
                Self.set(&pairs, Int(phrase[0]) << 8 | Int(phrase[1]))
            }
        }
        byFirstByte = table
        self.pairs = pairs
    }

    private static func set(_ bits: inout [UInt64], _ key: Int) {
        bits[key >> 6] |= 1 << UInt64(key & 63)
    }

    @inline(__always)
    private static func folded(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    /// The earliest match: which phrase (its index in the list given) and its UTF-8 offset in `text`.
    public func firstMatch(in text: String) -> (phrase: Int, offset: Int)? {
        var text = text
        return text.withUTF8 { firstMatch(inBytes: $0) }
    }

    /// The earliest match in UTF-8 bytes.
    public func firstMatch(inBytes bytes: UnsafeBufferPointer<UInt8>) -> (phrase: Int, offset: Int)? {
        let count = bytes.count
        guard count > 0 else { return nil }
        return pairs.withUnsafeBufferPointer { bits -> (phrase: Int, offset: Int)? in
            var first = Self.folded(bytes[0])
            var index = 0
            while index < count {
                let second = index + 1 < count ? Self.folded(bytes[index + 1]) : 0
                let key = Int(first) &<< 8 | Int(second)
                if bits[key &>> 6] & (1 &<< UInt64(key & 63)) != 0, let found = compare(bytes, at: index, first: first) {
                    return (found, index)
                }
                first = second
                index += 1
            }
            return nil
        }
    }

    /// The phrase (if any) starting at `index`, whose first byte, folded, is `first`.
    private func compare(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, first: UInt8) -> Int? {
        for candidate in byFirstByte[Int(first)] {
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
