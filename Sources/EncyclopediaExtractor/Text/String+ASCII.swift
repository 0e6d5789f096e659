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
        let simple = text.withUTF8 { bytes in !bytes.contains { $0 >= 0x80 || $0 == 0x0D } }
        return simple ? utf8.count : count
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
            guard bytes.contains(where: { $0 >= 0x80 }) else {
                return String(unsafeUninitializedCapacity: bytes.count) { buffer in
                    for index in 0..<bytes.count { buffer[index] = ASCII.lowercased(bytes[index]) }
                    return bytes.count
                }
            }
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

    /// True when `other`'s UTF-8 bytes occur in the text's: a literal search that does not go through
    /// Foundation (whose `contains` bridges both strings to UTF-16 and compares them as composed
    /// character sequences, which for the ASCII needles searched for here gives the same answer).
    func containsBytes(_ other: String) -> Bool {
        var text = self
        var needle = other
        return text.withUTF8 { haystack in
            needle.withUTF8 { needle in ASCII.firstOffset(of: needle, in: haystack) != nil }
        }
    }
}

extension ASCII {
    /// Where `needle` first occurs in `haystack`, byte for byte (an empty needle at 0).
    static func firstOffset(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = needle.first else { return 0 }
        guard needle.count <= haystack.count else { return nil }
        var start = 0
        let last = haystack.count - needle.count
        while start <= last {
            if haystack[start] == first {
                var matched = 1
                while matched < needle.count, haystack[start + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return start }
            }
            start += 1
        }
        return nil
    }
}
