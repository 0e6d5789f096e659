import HTMLTree

/// Reads the "Retrieved …" (or "Accessed …") date of a citation as an ISO `YYYY-MM-DD` date.
public enum RetrievedDate {
    private static let months: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12,
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
        "nov": 11, "dec": 12,
    ]

    /// The ISO date after the last "Retrieved" or "Accessed" cue in `text`, or nil.
    ///
    /// Accepts "2011-11-04", "November 4, 2011", "4 November 2011", "Nov. 4, 2011", "4 Nov 2011",
    /// with an optional "on".
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
                let window = String(decoding: bytes[after..<min(bytes.count, after + 160)], as: UTF8.self)
                if let date = parseDate(String(window.prefix(40)).lowercased()) { best = date }
                start = after
            }
            return best
        }
    }

    /// The words a retrieval date follows, in any letter case.
    static let cues = PhraseSet(["retrieved", "accessed"])
    static let cueLengths = ["retrieved".utf8.count, "accessed".utf8.count]

    /// Parses a date at the start of `text` (after an optional "on" and punctuation).
    public static func parseDate(_ text: String) -> String? {
        var tokens = tokenize(text)
        if tokens.first == "on" { tokens.removeFirst() }
        guard tokens.count >= 1 else { return nil }
        // ISO: 2011-11-04
        let first = tokens[0]
        let isoParts = first.split(separator: "-")
        if isoParts.count == 3, isoParts[0].count == 4, let year = Int(isoParts[0]), let month = Int(isoParts[1]),
            let day = Int(isoParts[2])
        {
            return format(year: year, month: month, day: day)
        }
        guard tokens.count >= 3 else { return nil }
        // Month Day, Year
        if let month = months[tokens[0]], let day = Int(tokens[1]), let year = Int(tokens[2]), tokens[2].count == 4 {
            return format(year: year, month: month, day: day)
        }
        // Day Month Year
        if let day = Int(tokens[0]), let month = months[tokens[1]], let year = Int(tokens[2]), tokens[2].count == 4 {
            return format(year: year, month: month, day: day)
        }
        return nil
    }

    private static func tokenize(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        for character in text {
            if character.isLetter || character.isNumber || (character == "-" && !current.isEmpty && current.last?.isNumber == true) {
                current.append(character)
            } else {
                if !current.isEmpty { tokens.append(current) }
                current = ""
                if character != " " && character != "," && character != "." && character != ":" && character != "\u{00A0}" {
                    break
                }
            }
            if tokens.count >= 4 { break }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    private static func format(year: Int, month: Int, day: Int) -> String? {
        guard (1900...2999).contains(year), (1...12).contains(month), day >= 1,
            day <= daysIn(month: month, year: year)
        else { return nil }
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(pad(month))-\(pad(day))"
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
