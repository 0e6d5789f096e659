/// Reads a `class` attribute's words on its bytes: words are separated by ASCII whitespace, as HTML
/// defines them (the bytes ``TextBuffer`` collapses).
enum ClassList {
    /// Calls `body` with each word of `value`, in order, until `body` returns true.
    /// - Returns: true when `body` returned true for a word.
    @inline(__always) @discardableResult
    static func containsToken(in value: UnsafeBufferPointer<UInt8>, where body: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        var index = 0
        let count = value.count
        while index < count {
            while index < count, TextBuffer.isSpace(value[index]) { index += 1 }
            let start = index
            while index < count, !TextBuffer.isSpace(value[index]) { index += 1 }
            if index > start, body(UnsafeBufferPointer(rebasing: value[start..<index])) { return true }
        }
        return false
    }

    /// True when `word` equals `lowercase` ignoring ASCII letter case.
    @inline(__always)
    static func equalsFolded(_ word: UnsafeBufferPointer<UInt8>, _ lowercase: UnsafeBufferPointer<UInt8>) -> Bool {
        guard word.count == lowercase.count else { return false }
        for index in 0..<word.count where PhraseSet.folded(word[index]) != lowercase[index] { return false }
        return true
    }

    /// `word` with its ASCII letters lowercased.
    static func lowercased(_ word: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: word.count) { buffer in
            for index in 0..<word.count { buffer[index] = PhraseSet.folded(word[index]) }
            return word.count
        }
    }
}

/// A fixed set of class names, kept as UTF-8 bytes to be compared with the words of a `class`
/// attribute as they are stored (see ``Node/hasClass(in:)``).
public struct ClassNames: Sendable {
    let words: [[UInt8]]

    public init(_ names: some Sequence<String>) {
        words = names.map { Array($0.utf8) }
    }
}
