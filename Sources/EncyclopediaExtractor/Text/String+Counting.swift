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
                for (index, byte) in bytes.enumerated() { buffer[index] = byte &- 0x41 < 26 ? byte | 0x20 : byte }
                return bytes.count
            }
        }
    }
}
