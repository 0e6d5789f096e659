import HTMLTree

/// Finds ISBNs in text. Only digit runs after an "ISBN" cue count: phone numbers, years,
/// catalogue numbers and barcodes without the cue never become ISBNs.
public enum ISBNScanner {
    /// The ISBNs written in `text`, in order, each as written (separators kept).
    ///
    /// Accepts "ISBN 5-264-00505-2", "ISBN-13: 978-…", "ISBN 0 14 044913 0", "ISBN: …", "ISBN10 …",
    /// a final X or x, and Unicode dashes between groups.
    public static func writtenISBNs(in text: String) -> [String] {
        // Most texts name no ISBN: one pass over the bytes rules them out.
        guard cue.matches(text) else { return [] }
        let characters = Array(text)
        var found: [String] = []
        var index = 0
        while index + 4 <= characters.count {
            guard isCue(characters, at: index) else {
                index += 1
                continue
            }
            var cursor = index + 4
            // "ISBNs", "ISBN-10", "ISBN-13", "ISBN13", then ":" and spaces.
            if cursor < characters.count, characters[cursor] == "s" { cursor += 1 }
            if cursor + 2 < characters.count, characters[cursor] == "-" || characters[cursor] == "\u{2010}",
                characters[cursor + 1] == "1", characters[cursor + 2] == "0" || characters[cursor + 2] == "3"
            {
                cursor += 3
            } else if cursor + 1 < characters.count, characters[cursor] == "1",
                characters[cursor + 1] == "0" || characters[cursor + 1] == "3"
            {
                cursor += 2
            }
            while cursor < characters.count, characters[cursor] == ":" || characters[cursor] == " "
                || characters[cursor] == "\u{00A0}"
            {
                cursor += 1
            }
            let (written, end) = candidate(characters, from: cursor)
            if let written { found.append(written) }
            index = max(end, index + 4)
        }
        return found
    }

    /// A MediaWiki book-sources link target, in any letter case.
    static let bookSources = PhraseSet(["booksources/"])

    /// The cue in any letter case (the exact forms are checked by ``isCue(_:at:)``).
    static let cue = PhraseSet(["isbn"])

    private static func isCue(_ characters: [Character], at index: Int) -> Bool {
        let first = characters[index]
        guard first == "I" || first == "i" else { return false }
        let rest = (characters[index + 1], characters[index + 2], characters[index + 3])
        guard rest == ("S", "B", "N") || rest == ("s", "b", "n") else { return false }
        // "ISBN", "isbn" or "Isbn".
        if first == "i" && rest.0 == "S" { return false }
        // Not the tail of a longer word ("XISBN").
        if index > 0, characters[index - 1].isLetter { return false }
        return true
    }

    /// The longest plausible ISBN starting at `start`: digit groups joined by single separators,
    /// cut at 10 or 13 digits where the checksum decides between them.
    private static func candidate(_ characters: [Character], from start: Int) -> (String?, Int) {
        var cursor = start
        var digitCount = 0
        var endsAtCount: [Int: Int] = [:]  // digit count -> end index (exclusive) of the text so far
        var lastWasSeparator = false
        while cursor < characters.count, digitCount < 13 {
            let character = characters[cursor]
            if character.isASCII, character.isNumber {
                digitCount += 1
                lastWasSeparator = false
                cursor += 1
                if digitCount == 10 || digitCount == 13 { endsAtCount[digitCount] = cursor }
            } else if (character == "X" || character == "x"), digitCount == 9 {
                digitCount += 1
                cursor += 1
                endsAtCount[10] = cursor
                break
            } else if ISBNCodec.isSeparator(character), !lastWasSeparator, digitCount > 0 {
                lastWasSeparator = true
                cursor += 1
            } else {
                break
            }
        }
        // Thirteen digits read as an ISBN-13 only when they start with a book prefix (978, 979);
        // otherwise an ISBN-10 followed by more digits (a year, a page number) ends at its tenth digit.
        func text(_ end: Int) -> String { String(characters[start..<end]) }
        if let ends13 = endsAtCount[13], let digits = ISBNCodec.compact(text(ends13)),
            digits.hasPrefix("978") || digits.hasPrefix("979")
        {
            return (text(ends13), ends13)
        }
        if let ends10 = endsAtCount[10] { return (text(ends10), ends10) }
        return (nil, max(cursor, start))
    }

    /// The ISBN in a MediaWiki book-sources link target (`…/Special:BookSources/9780306406157`), or nil.
    public static func bookSourcesISBN(inLink href: String) -> String? {
        guard let match = bookSources.firstMatch(in: href) else { return nil }
        let rest = href.utf8.dropFirst(match.offset + "booksources/".utf8.count)
        let tail = Substring(rest).prefix { $0 != "?" && $0 != "#" && $0 != "&" && $0 != "/" }
        guard let digits = ISBNCodec.compact(String(tail)), digits.count == 10 || digits.count == 13 else { return nil }
        return String(tail)
    }
}
