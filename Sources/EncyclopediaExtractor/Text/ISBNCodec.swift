/// Checksums and conversions between ISBN-10 and ISBN-13.
public enum ISBNCodec {
    /// The digits (and a final X) of an ISBN as written, without separators; nil when other
    /// characters remain.
    public static func compact(_ written: String) -> String? {
        var result = ""
        for character in written {
            if character.isASCII, character.isNumber {
                result.append(character)
            } else if character == "X" || character == "x" {
                result.append("X")
            } else if isSeparator(character) {
                continue
            } else {
                return nil
            }
        }
        return result
    }

    /// Spaces, hyphens and the Unicode dashes and minus people type between ISBN groups.
    static func isSeparator(_ character: Character) -> Bool {
        switch character {
        case " ", "-", "\u{00A0}", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}",
            "\u{202F}", "\u{2009}":
            true
        default:
            false
        }
    }

    /// True when `digits` (10 characters, the last may be X) pass the ISBN-10 mod-11 check.
    public static func isValidISBN10(_ digits: String) -> Bool {
        let characters = Array(digits)
        guard characters.count == 10 else { return false }
        var sum = 0
        for (index, character) in characters.enumerated() {
            let value: Int
            if let digit = character.wholeNumberValue, character.isASCII {
                value = digit
            } else if character == "X", index == 9 {
                value = 10
            } else {
                return false
            }
            sum += value * (10 - index)
        }
        return sum % 11 == 0
    }

    /// True when `digits` (13 digits starting 978 or 979) pass the ISBN-13 mod-10 check.
    public static func isValidISBN13(_ digits: String) -> Bool {
        let characters = Array(digits)
        guard characters.count == 13, digits.hasPrefix("978") || digits.hasPrefix("979") else { return false }
        var sum = 0
        for (index, character) in characters.enumerated() {
            guard character.isASCII, let digit = character.wholeNumberValue else { return false }
            sum += digit * (index % 2 == 0 ? 1 : 3)
        }
        return sum % 10 == 0
    }

    /// The ISBN-13 of a valid ISBN-10.
    public static func isbn13(fromISBN10 digits: String) -> String {
        let stem = "978" + digits.prefix(9)
        var sum = 0
        for (index, character) in stem.enumerated() {
            sum += (character.wholeNumberValue ?? 0) * (index % 2 == 0 ? 1 : 3)
        }
        return stem + String((10 - sum % 10) % 10)
    }

    /// The ISBN-10 of a valid ISBN-13 starting 978 (979 ISBNs have no ISBN-10).
    public static func isbn10(fromISBN13 digits: String) -> String? {
        guard digits.hasPrefix("978"), digits.count == 13 else { return nil }
        let stem = String(digits.dropFirst(3).prefix(9))
        var sum = 0
        for (index, character) in stem.enumerated() {
            sum += (character.wholeNumberValue ?? 0) * (10 - index)
        }
        let check = (11 - sum % 11) % 11
        return stem + (check == 10 ? "X" : String(check))
    }

    /// An ``ISBN`` record for an ISBN as written: validated, with both forms where they exist.
    public static func record(forWritten written: String) -> ISBN? {
        guard let digits = compact(written) else { return nil }
        if digits.count == 13 {
            if isValidISBN13(digits) {
                return ISBN(text: written, isbn13: digits, isbn10: isbn10(fromISBN13: digits), valid: true)
            }
            return ISBN(text: written, isbn13: digits.contains("X") ? nil : digits, isbn10: nil, valid: false)
        }
        if digits.count == 10 {
            if isValidISBN10(digits) {
                return ISBN(text: written, isbn13: isbn13(fromISBN10: digits), isbn10: digits, valid: true)
            }
            return ISBN(text: written, isbn13: nil, isbn10: digits, valid: false)
        }
        return nil
    }
}
