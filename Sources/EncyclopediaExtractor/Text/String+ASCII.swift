import HTMLTree

/// Byte tests for the ASCII shortcuts below, which skip Unicode tables when a text is plain ASCII.
enum ASCII {
    /// `byte` with an ASCII capital letter made small; every other byte as it is.
    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    /// True for an ASCII letter or digit: the only ASCII characters Unicode calls alphabetic or numeric.
    @inline(__always)
    static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26
    }
}

extension Unicode.Scalar {
    /// True for a letter or digit of any script (alphabetic, or with a numeric type); ASCII is answered
    /// without the property tables.
    var isLetterOrDigit: Bool {
        if isASCII { return ASCII.isLetterOrDigit(UInt8(value)) }
        return properties.isAlphabetic || properties.numericType != nil
    }
}

extension String {
    /// The number of characters (`count`), taken from the UTF-8 length when every byte is ASCII other
    /// than a carriage return: each such byte is a character of its own ("\r\n" is the one ASCII pair
    /// that makes a single character), so the grapheme breaking `count` runs can be skipped.
    var characterCount: Int {
        var text = self
        return text.withUTF8 { bytes in
            // Plain ASCII without a carriage return: a character per byte.
            bytes.contains { $0 >= 0x80 || $0 == 0x0D } ? Self.characterCount(ofSimpleText: bytes) : bytes.count
        } ?? count
    }

    /// The number of characters of UTF-8 text whose characters are each one scalar (a "\r\n" pair aside),
    /// or nil when it holds a scalar that may join its neighbours into one character. Such scalars (marks,
    /// joiners, format controls, jamo, regional indicators, Indic and Arabic letters, …) lie outside the
    /// ranges below, which hold only scalars that Unicode's grapheme rules never join to another scalar
    /// of these ranges (letters and punctuation of Latin, Greek, Cyrillic, Hebrew, CJK, kana, Hangul
    /// syllables, general punctuation and symbols); ASCII controls are characters of their own.
    static func characterCount(ofSimpleText bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var count = 0
        var index = 0
        var previousWasCR = false
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                // "\r\n" is one character.
                if !(lead == 0x0A && previousWasCR) { count += 1 }
                previousWasCR = lead == 0x0D
                index += 1
                continue
            }
            previousWasCR = false
            var scalar: UInt32
            var length: Int
            if lead < 0xE0 {
                scalar = UInt32(lead & 0x1F)
                length = 2
            } else if lead < 0xF0 {
                scalar = UInt32(lead & 0x0F)
                length = 3
            } else {
                return nil
            }
            guard index + length <= bytes.count else { return nil }
            for offset in 1..<length { scalar = scalar << 6 | UInt32(bytes[index + offset] & 0x3F) }
            guard isStandaloneScalar(scalar) else { return nil }
            count += 1
            index += length
        }
        return count
    }

    /// True for the scalars of ``characterCount(ofSimpleText:)``'s ranges: in a text of these and ASCII
    /// (with no "\r\n" pair), every scalar is a character of its own.
    @inline(__always)
    static func isStandaloneScalar(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0xA0...0x2FF,        // Latin-1 Supplement, Latin Extended-A and -B, IPA, spacing modifier letters
             0x370...0x482,       // Greek and Coptic, Cyrillic letters (not the combining U+0483–U+0489)
             0x48A...0x52F,       // Cyrillic and its supplement
             0x5D0...0x5EA,       // Hebrew letters (not its points)
             0x5F0...0x5F4,
             0x1E00...0x1FFF,     // Latin Extended Additional, Greek Extended
             0x2010...0x2027,     // dashes, quotation marks, bullets, ellipsis
             0x202F...0x205F,     // narrow no-break space, per mille, primes, …
             0x2070...0x209F,     // superscripts and subscripts
             0x20A0...0x20C0,     // currency signs
             0x2100...0x218F,     // letterlike symbols, number forms
             0x2190...0x22FF,     // arrows, mathematical operators
             0x3000...0x3029,     // CJK symbols and punctuation (not the marks U+302A–U+302F)
             0x3030...0x303F,
             0x3041...0x3096,     // hiragana (not the sound marks U+3099, U+309A)
             0x309B...0x30FF,     // katakana
             0x3400...0x4DBF,     // CJK ideographs
             0x4E00...0x9FFF,
             0xAC00...0xD7A3,     // Hangul syllables
             0xFF01...0xFF60:     // full-width forms
            return true
        default:
            return false
        }
    }

    /// The text with ASCII capital letters made small and every other character left as it is: what
    /// a search for an ASCII phrase regardless of case needs.
    func asciiLowercased() -> String {
        var text = self
        return text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { buffer in
                for (index, byte) in bytes.enumerated() { buffer[index] = ASCII.lowercased(byte) }
                return bytes.count
            }
        }
    }

    /// The same text as `lowercased()`, made without Unicode tables where they cannot change it: ASCII
    /// letters are lowered byte by byte and only the other characters go through their lowercase
    /// mapping (`lowercased()` maps every character of a text that holds one that is not ASCII).
    func fastLowercased() -> String {
        var text = self
        return text.withUTF8 { bytes in
            guard bytes.contains(where: { $0 >= 0x80 }) else { return asciiLowercased() }
            var lowered: [UInt8] = []
            lowered.reserveCapacity(bytes.count)
            for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
                if scalar.isASCII {
                    lowered.append(ASCII.lowercased(UInt8(scalar.value)))
                } else {
                    lowered.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
                }
            }
            return String(decoding: lowered, as: UTF8.self)
        }
    }

    /// The pieces `split(separator: " ")` gives (empty ones dropped), cut on the bytes when the text is
    /// plain ASCII: there a space byte is always a character of its own, so the grapheme breaking a
    /// split by characters runs can be skipped (it cost more than reading a page's metadata did).
    func spaceSeparatedWords() -> [Substring] {
        let bytes = utf8
        guard !bytes.contains(where: { $0 >= 0x80 }) else { return split(separator: " ") }
        var words: [Substring] = []
        var start = bytes.startIndex
        var index = start
        while index != bytes.endIndex {
            if bytes[index] == UInt8(ascii: " ") {
                if index != start { words.append(self[start..<index]) }
                start = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        if index != start { words.append(self[start..<index]) }
        return words
    }

    /// True when `other`'s UTF-8 bytes occur in the text's: a literal search that does not go through
    /// Foundation (whose `contains` bridges both strings to UTF-16 and compares them as composed
    /// character sequences, which for the ASCII needles searched for here gives the same answer).
    func containsBytes(_ other: String) -> Bool {
        var text = self
        var needle = other
        return text.withUTF8 { haystack in
            needle.withUTF8 { needle in ByteSearch.firstOffset(of: needle, in: haystack) != nil }
        }
    }
}
