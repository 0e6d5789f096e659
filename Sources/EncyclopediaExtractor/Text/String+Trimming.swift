extension StringProtocol {
    /// The text without leading and trailing spaces: tab, Unicode's space separators (Zs) and U+200B,
    /// exactly the characters Foundation's `CharacterSet.whitespaces` holds, at a fraction of the cost of
    /// `trimmingCharacters(in: .whitespaces)` (which goes through NSString); a text with nothing to trim
    /// is returned as it is.
    package func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, Self.isSpace(scalars[start]) { start = scalars.index(after: start) }
        while end > start, Self.isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        if start == scalars.startIndex && end == scalars.endIndex { return String(self) }
        return String(self[start..<end])
    }

    /// The text without leading and trailing spaces and line breaks: exactly the characters of
    /// Foundation's `CharacterSet.whitespacesAndNewlines` (the spaces above, U+000A–U+000D, U+0085,
    /// U+2028, U+2029), without going through NSString.
    package func trimmingSpacesAndNewlines() -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, Self.isSpaceOrNewline(scalars[start]) { start = scalars.index(after: start) }
        while end > start, Self.isSpaceOrNewline(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        if start == scalars.startIndex && end == scalars.endIndex { return String(self) }
        return String(self[start..<end])
    }

    private static func isSpaceOrNewline(_ scalar: Unicode.Scalar) -> Bool {
        (0x0A...0x0D).contains(scalar.value) || scalar == "\u{85}" || scalar == "\u{2028}" || scalar == "\u{2029}" || isSpace(scalar)
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || scalar == "\t" }
        // Foundation's table still counts the zero width space (a space separator in older Unicode).
        return scalar == "\u{200B}" || scalar.properties.generalCategory == .spaceSeparator
    }
}
