import HTMLTree

/// Splits ids and classes into lowercase words, at punctuation and at camel-case humps:
/// `ctl00_LeftColumn` → `ctl00`, `left`, `column`; `mw-panel` → `mw`, `panel`.
enum ClassWords {
    static func words(of element: Node, includingID: Bool = true) -> [String] {
        var result: [String] = []
        if includingID, let id = element.attribute(.id), !isEncodedAnchor(id) { split(id, into: &result) }
        if let classes = element.attribute(.class) { split(classes, into: &result) }
        return result
    }

    /// MediaWiki's dot-encoded heading anchors (".E4.B8.AD_.28Chinese.29") are text, not names: their
    /// hex pairs would read as words ("ad").
    static func isEncodedAnchor(_ id: String) -> Bool {
        let characters = Array(id.utf8)
        var index = 0
        while index + 2 < characters.count {
            if characters[index] == UInt8(ascii: "."), isHexDigit(characters[index + 1]), isHexDigit(characters[index + 2]) {
                return true
            }
            index += 1
        }
        return false
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F"))
    }

    static func split(_ value: String, into words: inout [String]) {
        var value = value
        let done = value.withUTF8 { bytes -> Bool in
            // Names are ASCII nearly always: split their bytes without making Characters.
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return false }
            var start = -1
            var previousWasLower = false
            func flush(_ end: Int) {
                if start >= 0 {
                    words.append(String(unsafeUninitializedCapacity: end - start) { buffer in
                        for offset in 0..<(end - start) {
                            let byte = bytes[start + offset]
                            buffer[offset] = byte &- 0x41 < 26 ? byte | 0x20 : byte
                        }
                        return end - start
                    })
                }
                start = -1
            }
            for (index, byte) in bytes.enumerated() {
                let isUpper = byte &- 0x41 < 26
                let isLower = byte &- 0x61 < 26
                let isDigit = byte &- 0x30 < 10
                if isUpper || isLower || isDigit {
                    if isUpper, previousWasLower { flush(index) }
                    if start < 0 { start = index }
                    previousWasLower = isLower || isDigit
                } else {
                    flush(index)
                    previousWasLower = false
                }
            }
            flush(bytes.count)
            return true
        }
        if !done { splitCharacters(value, into: &words) }
    }

    private static func splitCharacters(_ value: String, into words: inout [String]) {
        var current = ""
        var previousWasLower = false
        for character in value {
            if character.isLetter || character.isNumber {
                if character.isUppercase, previousWasLower, !current.isEmpty {
                    words.append(current)
                    current = ""
                }
                current.append(contentsOf: character.lowercased())
                previousWasLower = character.isLowercase || character.isNumber
            } else {
                if !current.isEmpty { words.append(current) }
                current = ""
                previousWasLower = false
            }
        }
        if !current.isEmpty { words.append(current) }
    }


    /// True when the element's class (or, when `includingID`, its id) holds one of `words` as a
    /// substring in any case: a cheap test on libxml2's bytes that rules elements out before their
    /// names are split into words.
    static func mayHold(_ words: PhraseSet, in element: Node, includingID: Bool = true) -> Bool {
        element.attribute(.class, contains: words) || (includingID && element.attribute(.id, contains: words))
    }
}
