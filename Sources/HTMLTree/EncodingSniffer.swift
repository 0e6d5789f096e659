import CLibXML2

/// Decides a page's encoding from its bytes: byte-order mark, then a declaration in the first
/// 1024 bytes, then whether the bytes are valid UTF-8.
package enum EncodingSniffer {
    /// How far into the input a declaration is looked for; the HTML standard's prescan reads 1024 bytes.
    static let prescanLength = 1024

    /// The decision for `bytes`, honouring a forced encoding.
    package static func decide(_ bytes: UnsafeRawBufferPointer, forced: TextEncoding?, transportLabel: String? = nil) -> EncodingDecision {
        if let forced {
            return EncodingDecision(encoding: forced, basis: .forcedByCaller, ignoredDeclaration: nil)
        }
        if let bom = byteOrderMark(bytes) {
            return EncodingDecision(encoding: bom.encoding, basis: .byteOrderMark, ignoredDeclaration: nil)
        }
        var ignored: String?
        // As browsers do: a byte-order mark, then the transport's charset, then the page's <meta>.
        let declared = declaredLabel(bytes)
        if let label = transportLabel?.trimmingASCIIWhitespace(), !label.isEmpty {
            let encoding = TextEncoding(label: label)
            // Servers often say UTF-8 by default; when the page itself declares another encoding and
            // the bytes are not UTF-8, the page knows better.
            let contradicted = encoding == .utf8 && declared.map { TextEncoding(label: $0) != .utf8 } == true
                && !UTF8Validation.isValid(bytes)
            if !contradicted, isUsable(encoding) {
                return EncodingDecision(encoding: encoding, basis: .transport(label: label), ignoredDeclaration: nil)
            }
            if !contradicted { ignored = label }
        }
        if let label = declared {
            let encoding = TextEncoding(label: label)
            if isUsable(encoding) {
                return EncodingDecision(encoding: encoding, basis: .declared(label: label), ignoredDeclaration: nil)
            }
            ignored = label
        }
        if UTF8Validation.isValid(bytes) {
            return EncodingDecision(encoding: .utf8, basis: .validUTF8, ignoredDeclaration: ignored)
        }
        return EncodingDecision(encoding: .windows1252, basis: .windows1252Fallback, ignoredDeclaration: ignored)
    }

    /// True for an encoding the input can be decoded from.
    static func isUsable(_ encoding: TextEncoding) -> Bool {
        encoding == .utf8 || encoding == .windows1252 || InputDecoder.canConvert(from: encoding)
    }

    /// The encoding named by a byte-order mark at the start of `bytes`, and the mark's length.
    package static func byteOrderMark(_ bytes: UnsafeRawBufferPointer) -> (encoding: TextEncoding, length: Int)? {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return (.utf8, 3) }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return (.utf16LittleEndian, 2) }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return (.utf16BigEndian, 2) }
        return nil
    }

    /// The charset label of the first `<meta>` (or XML declaration) in the prescan window that has one.
    package static func declaredLabel(_ bytes: UnsafeRawBufferPointer) -> String? {
        let window = UnsafeRawBufferPointer(rebasing: bytes[0..<min(bytes.count, prescanLength)])
        var index = 0
        while index < window.count {
            guard window[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            let tagEnd = firstIndex(of: UInt8(ascii: ">"), in: window, from: index) ?? window.count
            let isMeta = matchesIgnoringCase(window, at: index + 1, "meta")
            let isXMLDeclaration = matchesIgnoringCase(window, at: index + 1, "?xml")
            if isMeta || isXMLDeclaration {
                let key = isMeta ? "charset" : "encoding"
                if let label = value(after: key, in: window, from: index, to: tagEnd) { return label }
            }
            index = tagEnd
        }
        return nil
    }

    private static func value(after key: String, in window: UnsafeRawBufferPointer, from start: Int, to end: Int)
        -> String?
    {
        var index = start
        while index < end {
            if matchesIgnoringCase(window, at: index, key) {
                var cursor = index + key.utf8.count
                while cursor < end, window[cursor] == 0x20 || window[cursor] == 0x09 { cursor += 1 }
                guard cursor < end, window[cursor] == UInt8(ascii: "=") else {
                    index += 1
                    continue
                }
                cursor += 1
                while cursor < end, window[cursor] == 0x20 || window[cursor] == 0x09
                    || window[cursor] == UInt8(ascii: "\"") || window[cursor] == UInt8(ascii: "'")
                {
                    cursor += 1
                }
                var labelBytes: [UInt8] = []
                while cursor < end, isLabelByte(window[cursor]) {
                    labelBytes.append(window[cursor])
                    cursor += 1
                }
                return labelBytes.isEmpty ? nil : String(decoding: labelBytes, as: UTF8.self)
            }
            index += 1
        }
        return nil
    }

    private static func isLabelByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
            UInt8(ascii: ":"):
            true
        default:
            false
        }
    }

    static func firstIndex(of byte: UInt8, in bytes: UnsafeRawBufferPointer, from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if bytes[index] == byte { return index }
            index += 1
        }
        return nil
    }

    static func matchesIgnoringCase(_ bytes: UnsafeRawBufferPointer, at start: Int, _ word: String) -> Bool {
        var index = start
        for expected in word.utf8 {
            guard index < bytes.count else { return false }
            var byte = bytes[index]
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte += 32 }
            guard byte == expected else { return false }
            index += 1
        }
        return true
    }
}

/// A UTF-8 validator over raw bytes (rejects overlong forms, surrogates and code points past U+10FFFF).
package enum UTF8Validation {
    /// True when every byte sequence in `bytes` is well-formed UTF-8.
    package static func isValid(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                // Pages are mostly ASCII: eight bytes at a time while no byte has its top bit set.
                index += 1
                while index + 8 <= count,
                    (base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
                {
                    index += 8
                }
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return false
            }
            guard index + length <= count else { return false }
            let second = bytes[index + 1]
            guard second >= lower && second <= upper else { return false }
            var continuation = index + 2
            while continuation < index + length {
                guard bytes[continuation] & 0xC0 == 0x80 else { return false }
                continuation += 1
            }
            index += length
        }
        return true
    }
}
