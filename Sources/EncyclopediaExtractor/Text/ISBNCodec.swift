/// Checksums and conversions between ISBN-10 and ISBN-13, on the ISBN's ASCII digits.
public enum ISBNCodec {
    /// The digits (and a final X) of an ISBN as written, without separators; nil when other
    /// characters remain.
    public static func compact(_ written: String) -> String? {
        var written = written
        return written.withUTF8 { bytes -> String? in
            var digits: [UInt8] = []
            digits.reserveCapacity(13)
            guard forEachDigit(in: bytes, { digits.append($0); return true }) else { return nil }
            return String(decoding: digits, as: UTF8.self)
        }
    }

    /// Calls `body` with each digit of an ISBN as written in UTF-8 `bytes` (X for a final X or x),
    /// separators skipped.
    /// - Returns: false when a character is neither digit, X nor separator, or `body` returned false.
    @inline(__always)
    static func forEachDigit(in bytes: UnsafeBufferPointer<UInt8>, _ body: (UInt8) -> Bool) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte &- UInt8(ascii: "0") < 10 || byte == UInt8(ascii: "X") || byte == UInt8(ascii: "x") {
                guard body(byte == UInt8(ascii: "x") ? UInt8(ascii: "X") : byte) else { return false }
                index += 1
            } else if let length = separatorLength(bytes, at: index) {
                index += length
            } else {
                return false
            }
        }
        return true
    }

    /// The byte length of the separator people type between ISBN groups (a space, a hyphen, a
    /// no-break or thin space, a Unicode dash or the minus sign) starting at `index` in UTF-8 text,
    /// or nil when none starts there.
    static func separatorLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let byte = bytes[index]
        if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-") { return 1 }
        if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 { return 2 }
        guard byte == 0xE2, index + 2 < bytes.count else { return nil }
        switch (bytes[index + 1], bytes[index + 2]) {
        case (0x80, 0x90...0x95),  // U+2010–U+2015: hyphen, non-breaking hyphen, figure dash, en, em dash, bar
            (0x88, 0x92),  // U+2212 minus sign
            (0x80, 0xAF),  // U+202F narrow no-break space
            (0x80, 0x89):  // U+2009 thin space
            return 3
        default:
            return nil
        }
    }

    /// True when the first three digits of `written` (separators skipped) are 978 or 979.
    static func startsWithBookPrefix(_ written: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var digits: [UInt8] = []
        for byte in written where byte &- UInt8(ascii: "0") < 10 {
            digits.append(byte)
            if digits.count == 3 { break }
        }
        return digits == Array("978".utf8) || digits == Array("979".utf8)
    }

    /// The digit values of `digits`, or nil when a character is not an ASCII digit (a final X, when
    /// `allowingFinalX`, counts 10).
    private static func values(_ digits: String, count: Int, allowingFinalX: Bool) -> [Int]? {
        let bytes = Array(digits.utf8)
        guard bytes.count == count else { return nil }
        var values: [Int] = []
        values.reserveCapacity(count)
        for (index, byte) in bytes.enumerated() {
            if byte &- UInt8(ascii: "0") < 10 {
                values.append(Int(byte &- UInt8(ascii: "0")))
            } else if allowingFinalX, byte == UInt8(ascii: "X"), index == count - 1 {
                values.append(10)
            } else {
                return nil
            }
        }
        return values
    }

    /// True when `digits` (10 characters, the last may be X) pass the ISBN-10 mod-11 check.
    public static func isValidISBN10(_ digits: String) -> Bool {
        guard let values = values(digits, count: 10, allowingFinalX: true) else { return false }
        var sum = 0
        for (index, value) in values.enumerated() { sum += value * (10 - index) }
        return sum % 11 == 0
    }

    /// True when `digits` (13 digits starting 978 or 979) pass the ISBN-13 mod-10 check.
    public static func isValidISBN13(_ digits: String) -> Bool {
        guard digits.hasPrefix("978") || digits.hasPrefix("979"),
            let values = values(digits, count: 13, allowingFinalX: false)
        else { return false }
        var sum = 0
        for (index, value) in values.enumerated() { sum += value * (index % 2 == 0 ? 1 : 3) }
        return sum % 10 == 0
    }

    /// The ISBN-13 of a valid ISBN-10.
    public static func isbn13(fromISBN10 digits: String) -> String {
        let stem = Array("978".utf8) + Array(digits.utf8.prefix(9))
        var sum = 0
        for (index, byte) in stem.enumerated() {
            let value = byte &- UInt8(ascii: "0") < 10 ? Int(byte &- UInt8(ascii: "0")) : 0
            sum += value * (index % 2 == 0 ? 1 : 3)
        }
        return String(decoding: stem, as: UTF8.self) + String((10 - sum % 10) % 10)
    }

    /// The ISBN-10 of a valid ISBN-13 starting 978 (979 ISBNs have no ISBN-10).
    public static func isbn10(fromISBN13 digits: String) -> String? {
        guard digits.hasPrefix("978"), digits.utf8.count == 13 else { return nil }
        let stem = Array(digits.utf8.dropFirst(3).prefix(9))
        var sum = 0
        for (index, byte) in stem.enumerated() {
            let value = byte &- UInt8(ascii: "0") < 10 ? Int(byte &- UInt8(ascii: "0")) : 0
            sum += value * (10 - index)
        }
        let check = (11 - sum % 11) % 11
        return String(decoding: stem, as: UTF8.self) + (check == 10 ? "X" : String(check))
    }

    /// An ``ISBN`` record for an ISBN as written: validated, with both forms where they exist.
    public static func record(forWritten written: String) -> ISBN? {
        guard let digits = Digits(written) else { return nil }
        if digits.count == 13 {
            if digits.isValid13 {
                return ISBN(text: written, isbn13: digits.text, isbn10: digits.isbn10, valid: true)
            }
            return ISBN(text: written, isbn13: digits.hasX ? nil : digits.text, isbn10: nil, valid: false)
        }
        if digits.count == 10 {
            if digits.isValid10 {
                return ISBN(text: written, isbn13: digits.isbn13, isbn10: digits.text, valid: true)
            }
            return ISBN(text: written, isbn13: nil, isbn10: digits.text, valid: false)
        }
        return nil
    }

    /// The digits of an ISBN as written (X for a final X or x), held inline: validating and converting
    /// an ISBN allocates nothing but the strings it returns.
    struct Digits {
        /// ASCII digits and X, `count` of them.
        private var bytes = SIMD16<UInt8>()
        private(set) var count = 0

        /// The digits of `written`, or nil when it holds a character that is neither digit, X nor
        /// separator, or more than 16 digits.
        init?(_ written: String) {
            var written = written
            let ok = written.withUTF8 { source in
                forEachDigit(in: source) { digit in
                    guard count < 16 else { return false }
                    bytes[count] = digit
                    count += 1
                    return true
                }
            }
            guard ok else { return nil }
        }

        var hasX: Bool { (0..<count).contains { bytes[$0] == UInt8(ascii: "X") } }

        /// The value of digit `index` (X is 10), or nil for an X where none may stand.
        private func value(_ index: Int, allowingX: Bool) -> Int? {
            let byte = bytes[index]
            if byte == UInt8(ascii: "X") { return allowingX ? 10 : nil }
            return Int(byte &- UInt8(ascii: "0"))
        }

        /// True for ten digits (the last may be X) that pass the mod-11 check.
        var isValid10: Bool {
            guard count == 10 else { return false }
            var sum = 0
            for index in 0..<10 {
                guard let value = value(index, allowingX: index == 9) else { return false }
                sum += value * (10 - index)
            }
            return sum % 11 == 0
        }

        /// True for thirteen digits starting 978 or 979 that pass the mod-10 check.
        var isValid13: Bool {
            guard count == 13, bytes[0] == UInt8(ascii: "9"), bytes[1] == UInt8(ascii: "7"),
                bytes[2] == UInt8(ascii: "8") || bytes[2] == UInt8(ascii: "9")
            else { return false }
            var sum = 0
            for index in 0..<13 {
                guard let value = value(index, allowingX: false) else { return false }
                sum += value * (index % 2 == 0 ? 1 : 3)
            }
            return sum % 10 == 0
        }

        /// The digits as a string.
        var text: String { Self.string(bytes, count: count) }

        /// The ISBN-13 of these ten digits (their check digit recomputed).
        var isbn13: String {
            var result = SIMD16<UInt8>()
            result[0] = UInt8(ascii: "9"); result[1] = UInt8(ascii: "7"); result[2] = UInt8(ascii: "8")
            var sum = 9 + 7 * 3 + 8
            for index in 0..<9 {
                result[3 + index] = bytes[index]
                sum += Int(bytes[index] &- UInt8(ascii: "0")) * ((3 + index) % 2 == 0 ? 1 : 3)
            }
            result[12] = UInt8(ascii: "0") + UInt8((10 - sum % 10) % 10)
            return Self.string(result, count: 13)
        }

        /// The ISBN-10 of these thirteen digits when they start 978 (979 ISBNs have none).
        var isbn10: String? {
            guard count == 13, bytes[0] == UInt8(ascii: "9"), bytes[1] == UInt8(ascii: "7"), bytes[2] == UInt8(ascii: "8") else {
                return nil
            }
            var result = SIMD16<UInt8>()
            var sum = 0
            for index in 0..<9 {
                result[index] = bytes[3 + index]
                sum += Int(bytes[3 + index] &- UInt8(ascii: "0")) * (10 - index)
            }
            let check = (11 - sum % 11) % 11
            result[9] = check == 10 ? UInt8(ascii: "X") : UInt8(ascii: "0") + UInt8(check)
            return Self.string(result, count: 10)
        }

        private static func string(_ bytes: SIMD16<UInt8>, count: Int) -> String {
            withUnsafeBytes(of: bytes) { String(decoding: UnsafeRawBufferPointer(rebasing: $0[0..<count]), as: UTF8.self) }
        }
    }
}
