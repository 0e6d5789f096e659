import HTMLTree

/// Splits ids and classes into lowercase words, at punctuation and at camel-case humps:
/// `ctl00_LeftColumn` → `ctl00`, `left`, `column`; `mw-panel` → `mw`, `panel`.
enum ClassWords {
    static func words(of element: Node) -> [String] {
        var result: [String] = []
        if let id = element.attribute("id") { split(id, into: &result) }
        if let classes = element.attribute("class") { split(classes, into: &result) }
        return result
    }

    static func split(_ value: String, into words: inout [String]) {
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

    /// The class attribute's words exactly as written (space-separated), lowercased.
    static func classTokens(of element: Node) -> [String] {
        guard let classes = element.attribute("class") else { return [] }
        return classes.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
    }

    /// The chrome word or pair that marks `element`, or nil when its id and class look like content.
    static func chromeMarker(of element: Node) -> String? {
        let words = words(of: element)
        guard !words.isEmpty else { return nil }
        if words.contains(where: { Selectors.bodyWords.contains($0) }) { return nil }
        for index in words.indices {
            if Selectors.chromeWords.contains(words[index]) { return words[index] }
            if index + 1 < words.count {
                let pair = words[index] + " " + words[index + 1]
                if Selectors.chromeWordPairs.contains(pair) { return pair }
            }
        }
        return nil
    }
}
