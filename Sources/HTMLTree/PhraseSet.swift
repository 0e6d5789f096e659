/// A fixed set of lowercase phrases found in text by comparing UTF-8 bytes, ignoring ASCII case.
///
/// The licence and footer searches look at every block of a page; lowercasing each block and calling
/// Foundation's `contains` cost most of an extraction, while this reads each byte once and compares
/// only phrases whose first byte matches.
public struct PhraseSet: Sendable {
    private let phrases: [[UInt8]]
    /// For each byte value, the phrases that start with it.
    private let byFirstByte: [[Int]]

    /// - Parameter phrases: lowercase phrases (non-ASCII characters are matched exactly).
    public init(_ phrases: [String]) {
        self.phrases = phrases.map { Array($0.utf8) }
        var table = [[Int]](repeating: [], count: 256)
        for (index, phrase) in self.phrases.enumerated() {
            if let first = phrase.first { table[Int(first)].append(index) }
        }
        byFirstByte = table
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
        var index = 0
        while index < count {
            let candidates = byFirstByte[Int(Self.folded(bytes[index]))]
            if !candidates.isEmpty {
                for candidate in candidates {
                    let phrase = phrases[candidate]
                    guard index + phrase.count <= count else { continue }
                    var offset = 1
                    while offset < phrase.count && Self.folded(bytes[index + offset]) == phrase[offset] { offset += 1 }
                    if offset == phrase.count { return (candidate, index) }
                }
            }
            index += 1
        }
        return nil
    }

    /// True when `text` holds one of the phrases.
    public func matches(_ text: String) -> Bool { firstMatch(in: text) != nil }
}
