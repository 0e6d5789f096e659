import HTMLTree

/// Finds ISBNs in text. Only digit runs after an "ISBN" cue count: phone numbers, years,
/// catalogue numbers and barcodes without the cue never become ISBNs.
///
/// Reads the text's UTF-8 bytes: the cue is found by a byte phrase search, and the digits and
/// separators after it are read byte by byte (every separator is a fixed byte sequence).
public enum ISBNScanner {
    /// The ISBNs written in `text`, in order, each as written (separators kept).
    ///
    /// Accepts "ISBN 5-264-00505-2", "ISBN-13: 978-…", "ISBN 0 14 044913 0", "ISBN: …", "ISBN10 …",
    /// a final X or x, and Unicode dashes between groups.
    public static func writtenISBNs(in text: String) -> [String] {
        var text = text
        return text.withUTF8 { writtenISBNs(inBytes: $0) }
    }

    /// The ISBNs written in UTF-8 `bytes`, as ``writtenISBNs(in:)`` finds them.
    static func writtenISBNs(inBytes bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var found: [String] = []
        var index = 0
        let count = bytes.count
        while index + 4 <= count, let match = cue.firstMatch(inBytes: UnsafeBufferPointer(rebasing: bytes[index...])) {
            let at = index + match.offset
            guard isCue(bytes, at: at) else {
                index = at + 1
                continue
            }
            var cursor = at + 4
            // "ISBNs", "ISBN-10", "ISBN-13", "ISBN13", then ":" and spaces.
            if cursor < count, bytes[cursor] == UInt8(ascii: "s") { cursor += 1 }
            if let dash = dashLength(bytes, at: cursor), cursor + dash + 1 < count, bytes[cursor + dash] == UInt8(ascii: "1"),
                bytes[cursor + dash + 1] == UInt8(ascii: "0") || bytes[cursor + dash + 1] == UInt8(ascii: "3")
            {
                cursor += dash + 2
            } else if cursor + 1 < count, bytes[cursor] == UInt8(ascii: "1"),
                bytes[cursor + 1] == UInt8(ascii: "0") || bytes[cursor + 1] == UInt8(ascii: "3")
            {
                cursor += 2
            }
            while cursor < count {
                if bytes[cursor] == UInt8(ascii: ":") || bytes[cursor] == UInt8(ascii: " ") {
                    cursor += 1
                } else if bytes[cursor] == 0xC2, cursor + 1 < count, bytes[cursor + 1] == 0xA0 {
                    cursor += 2
                } else {
                    break
                }
            }
            let (written, end) = candidate(bytes, from: cursor)
            if let written { found.append(written) }
            index = max(end, at + 4)
        }
        return found
    }

    /// A MediaWiki book-sources link target (`Special:BookSources/`, `Spezial:ISBN-Suche/`, … in every
    /// language of ``LanguageProfile``), in any ASCII letter case.
    static let bookSources = PhraseSet(LanguageProfile.bookSourcesLinkPhrases)

    /// The cue in any letter case (the exact forms are checked by ``isCue(_:at:)``).
    static let cue = PhraseSet(["isbn"])

    /// The length of the "-" or "‐" (U+2010) between "ISBN" and "10"/"13" at `index`, or nil.
    private static func dashLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "-") { return 1 }
        if bytes[index] == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x90 { return 3 }
        return nil
    }

    private static func isCue(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let first = bytes[index]
        guard first == UInt8(ascii: "I") || first == UInt8(ascii: "i") else { return false }
        let rest = (bytes[index + 1], bytes[index + 2], bytes[index + 3])
        let upper = rest == (UInt8(ascii: "S"), UInt8(ascii: "B"), UInt8(ascii: "N"))
        guard upper || rest == (UInt8(ascii: "s"), UInt8(ascii: "b"), UInt8(ascii: "n")) else { return false }
        // "ISBN", "isbn" or "Isbn".
        if first == UInt8(ascii: "i") && upper { return false }
        // Not the tail of a longer word ("XISBN").
        if index > 0, let previous = scalar(before: index, in: bytes), Character(previous).isLetter { return false }
        return true
    }

    /// The Unicode scalar that ends just before byte `index`.
    private static func scalar(before index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        var start = index - 1
        while start > 0, index - start < 4, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return String(decoding: bytes[start..<index], as: UTF8.self).unicodeScalars.last
    }

    /// The longest plausible ISBN starting at `start`: digit groups joined by single separators,
    /// cut at 10 or 13 digits where the checksum decides between them.
    private static func candidate(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (String?, Int) {
        var cursor = start
        var digitCount = 0
        var endAt10: Int?
        var endAt13: Int?
        var lastWasSeparator = false
        let count = bytes.count
        while cursor < count, digitCount < 13 {
            let byte = bytes[cursor]
            if byte &- UInt8(ascii: "0") < 10 {
                digitCount += 1
                lastWasSeparator = false
                cursor += 1
                if digitCount == 10 { endAt10 = cursor } else if digitCount == 13 { endAt13 = cursor }
            } else if byte == UInt8(ascii: "X") || byte == UInt8(ascii: "x"), digitCount == 9 {
                digitCount += 1
                cursor += 1
                endAt10 = cursor
                break
            } else if !lastWasSeparator, digitCount > 0, let length = ISBNCodec.separatorLength(bytes, at: cursor) {
                lastWasSeparator = true
                cursor += length
            } else {
                break
            }
        }
        func text(_ end: Int) -> String { String(decoding: bytes[start..<end], as: UTF8.self) }
        // Thirteen digits read as an ISBN-13 only when they start with a book prefix (978, 979);
        // otherwise an ISBN-10 followed by more digits (a year, a page number) ends at its tenth digit.
        if let endAt13, ISBNCodec.startsWithBookPrefix(bytes[start..<endAt13]) {
            return (text(endAt13), endAt13)
        }
        if let endAt10 { return (text(endAt10), endAt10) }
        return (nil, max(cursor, start))
    }

    /// The ISBN in a MediaWiki book-sources link target (`…/Special:BookSources/9780306406157`), or nil.
    public static func bookSourcesISBN(inLink href: String) -> String? {
        guard let match = bookSources.firstMatch(in: href) else { return nil }
        let rest = href.utf8.dropFirst(match.offset + LanguageProfile.bookSourcesLinkPhrases[match.phrase].utf8.count)
        let tail = Substring(rest).prefix { $0 != "?" && $0 != "#" && $0 != "&" && $0 != "/" }
        guard let digits = ISBNCodec.compact(String(tail)), digits.count == 10 || digits.count == 13 else { return nil }
        return String(tail)
    }
}
