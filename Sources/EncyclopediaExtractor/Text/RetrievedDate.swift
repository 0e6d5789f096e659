import HTMLTree

/// Reads the retrieval date of a citation ("Retrieved 4 November 2011", "Abgerufen am 20. Mai 2009",
/// "consultado el 4 de noviembre de 2011") as an ISO `YYYY-MM-DD` date, in the words of every
/// ``LanguageProfile``.
public enum RetrievedDate {
    /// Every profile's month names, each to its number (`LanguageProfileTests` checks that no name
    /// means two months).
    static let months: [String: Int] = {
        var months: [String: Int] = [:]
        for profile in LanguageProfile.all {
            for (index, names) in profile.months.enumerated() {
                for name in names { months[name] = index + 1 }
            }
        }
        return months
    }()

    /// Every profile's small words around a date.
    static let dateWords = Set(LanguageProfile.all.flatMap(\.dateWords))

    /// The ISO date after the last retrieval cue in `text`, or nil.
    ///
    /// Accepts "2011-11-04", "November 4, 2011", "4 November 2011", "Nov. 4, 2011", "4 Nov 2011", with
    /// small words between ("on", "am 20. Mai", "el 4 de noviembre de"), in any profile's language.
    public static func isoDate(in text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            // The last date after a cue wins ("Archived … Retrieved …"): scan every cue in order.
            var best: String?
            var start = 0
            while start < bytes.count,
                let match = cues.firstMatch(inBytes: UnsafeBufferPointer(rebasing: bytes[start...]))
            {
                let after = start + match.offset + cueLengths[match.phrase]
                if let date = date(from: tokens(UnsafeBufferPointer(rebasing: bytes[after...]))) { best = date }
                start = after
            }
            return best
        }
    }

    /// The words a retrieval date follows, in any ASCII letter case; a cue that opens with another letter
    /// ("проверено") is also looked for capitalised, as a citation's sentence starts with it.
    static let cueWords: [String] = LanguageProfile.all.flatMap(\.retrievalCues).flatMap { cue -> [String] in
        guard let first = cue.unicodeScalars.first, !first.isASCII else { return [cue] }
        return [cue, cue.prefix(1).uppercased() + cue.dropFirst()]
    }
    static let cues = PhraseSet(cueWords)
    static let cueLengths = cueWords.map(\.utf8.count)

    /// How many characters after a cue the date is looked for in.
    static let window = 40

    /// Parses a date at the start of `text` (after an optional "on" and punctuation).
    public static func parseDate(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { date(from: tokens($0)) }
    }

    private static func date(from words: [String]) -> String? {
        let tokens = words.filter { !dateWords.contains($0) }
        guard tokens.count >= 1 else { return nil }
        // ISO: 2011-11-04
        if let (year, month, day) = isoNumbers(tokens[0]) {
            return format(year: year, month: month, day: day)
        }
        guard tokens.count >= 3 else { return nil }
        // Month Day, Year
        if let month = months[tokens[0]], let day = Int(tokens[1]), let year = Int(tokens[2]), tokens[2].count == 4 {
            return format(year: year, month: month, day: day)
        }
        // Day Month Year ("1er novembre" in French)
        if let day = Int(tokens[0]) ?? (tokens[0] == "1er" ? 1 : nil), let month = months[tokens[1]], let year = Int(tokens[2]),
           tokens[2].count == 4
        {
            return format(year: year, month: month, day: day)
        }
        return nil
    }

    /// The three numbers of an ISO date token ("2011-11-04"), the first of four digits, read on its
    /// bytes: the pieces between hyphens (empty pieces dropped, as a split drops them), each all ASCII
    /// digits and within `Int`, as `Int(_:)` reads them.
    static func isoNumbers(_ token: String) -> (Int, Int, Int)? {
        var numbers = (0, 0, 0)
        var pieces = 0
        var value = 0
        var digits = 0
        func endPiece() -> Bool {
            guard digits > 0 else { return true }
            switch pieces {
            case 0:
                guard digits == 4 else { return false }
                numbers.0 = value
            case 1: numbers.1 = value
            case 2: numbers.2 = value
            default: return false
            }
            pieces += 1
            value = 0
            digits = 0
            return true
        }
        for byte in token.utf8 {
            if byte == UInt8(ascii: "-") {
                guard endPiece() else { return nil }
                continue
            }
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            let (times, overflowed) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowedAgain) = times.addingReportingOverflow(Int(digit))
            guard !overflowed, !overflowedAgain else { return nil }
            value = sum
            digits += 1
        }
        guard endPiece(), pieces == 3 else { return nil }
        return numbers
    }

    /// Up to seven lowercase words (letters and digits; a hyphen inside a number) from the start of
    /// UTF-8 `bytes`, separated by spaces and ",.:"; any other character ends the reading, and so
    /// does the end of the window.
    private static func tokens(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var tokens: [String] = []
        var current: [UInt8] = []
        var currentEndsInDigit = false
        var index = 0
        var characters = 0
        func flush() {
            if !current.isEmpty { tokens.append(String(decoding: current, as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
            currentEndsInDigit = false
        }
        while index < bytes.count, characters < window {
            let byte = bytes[index]
            characters += 1
            if byte < 0x80 {
                index += 1
                if byte &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10 {
                    current.append(byte)
                    currentEndsInDigit = byte &- UInt8(ascii: "0") < 10
                } else if byte &- UInt8(ascii: "A") < 26 {
                    current.append(byte | 0x20)
                    currentEndsInDigit = false
                } else if byte == UInt8(ascii: "-"), currentEndsInDigit {
                    current.append(byte)
                    currentEndsInDigit = false
                } else {
                    flush()
                    if byte != UInt8(ascii: " ") && byte != UInt8(ascii: ",") && byte != UInt8(ascii: ".") && byte != UInt8(ascii: ":") {
                        break
                    }
                }
            } else {
                // A character beyond ASCII: letters and digits of any script join the word (lowercased);
                // a no-break space separates; anything else ends the reading.
                var length = 2
                if byte >= 0xF0 { length = 4 } else if byte >= 0xE0 { length = 3 }
                let end = min(bytes.count, index + length)
                let piece = String(decoding: bytes[index..<end], as: UTF8.self)
                index = end
                guard let character = piece.first else { break }
                if character.isLetter || character.isNumber {
                    current.append(contentsOf: character.lowercased().utf8)
                    currentEndsInDigit = character.isNumber
                } else {
                    flush()
                    if character != "\u{00A0}" { break }
                }
            }
            if tokens.count >= 7 { break }
        }
        if tokens.count < 7 { flush() }
        return tokens
    }

    private static func format(year: Int, month: Int, day: Int) -> String? {
        guard (1900...2999).contains(year), (1...12).contains(month), day >= 1,
            day <= daysIn(month: month, year: year)
        else { return nil }
        // "YYYY-MM-DD", written digit by digit (interpolating the numbers cost more than finding the date).
        return String(unsafeUninitializedCapacity: 10) { buffer in
            func digits(_ value: Int, _ count: Int, at offset: Int) {
                var value = value
                for place in stride(from: offset + count - 1, through: offset, by: -1) {
                    buffer[place] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
            }
            digits(year, 4, at: 0)
            buffer[4] = UInt8(ascii: "-")
            digits(month, 2, at: 5)
            buffer[7] = UInt8(ascii: "-")
            digits(day, 2, at: 8)
            return 10
        }
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
