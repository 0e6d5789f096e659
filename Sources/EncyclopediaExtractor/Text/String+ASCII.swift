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
}
