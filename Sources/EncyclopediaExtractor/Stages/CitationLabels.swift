import HTMLTree

/// How a list numbers its items: decimal, or a style the page gives it (MediaWiki's lettered note
/// groups are lists styled `lower-alpha`).
enum ListNumbering: String, Sendable, Equatable {
    case decimal
    case lowerAlpha = "lower-alpha"
    case upperAlpha = "upper-alpha"
    case lowerRoman = "lower-roman"
    case upperRoman = "upper-roman"
    case lowerGreek = "lower-greek"

    /// The numbering of `list`: its `type` attribute, or a `list-style-type` in its own or its two
    /// nearest ancestors' style, or their class words ("reflist-lower-alpha").
    static func of(_ list: Node) -> ListNumbering {
        switch list.attribute(.type) {
        case "a": return .lowerAlpha
        case "A": return .upperAlpha
        case "i": return .lowerRoman
        case "I": return .upperRoman
        default: break
        }
        var current: Node? = list
        for _ in 0..<3 {
            guard let element = current else { break }
            // Most lists name no style: their attributes are ruled out on their bytes.
            for attribute in [HTMLName.style, .class] where element.attribute(attribute, contains: numberingWords) {
                guard let value = element.attribute(attribute)?.lowercased() else { continue }
                if let style = Selectors.listNumberingWords.first(where: { value.contains($0.word) })?.style { return style }
            }
            current = element.parent
        }
        return .decimal
    }

    private static let numberingWords = PhraseSet(Selectors.listNumberingWords.map(\.word))

    /// `number` as the list prints it ("3" → "c", "iii", "γ").
    func label(_ number: Int) -> String {
        guard number > 0 else { return String(number) }
        switch self {
        case .decimal: return String(number)
        case .lowerAlpha: return Self.alphabetic(number)
        case .upperAlpha: return Self.alphabetic(number).uppercased()
        case .lowerRoman: return Self.roman(number)
        case .upperRoman: return Self.roman(number).uppercased()
        case .lowerGreek: return Self.greek(number)
        }
    }

    /// 1 → "a", 26 → "z", 27 → "aa" (as CSS counts).
    private static func alphabetic(_ number: Int) -> String {
        var value = number
        var letters: [Character] = []
        while value > 0 {
            value -= 1
            letters.append(Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8(value % 26))))
            value /= 26
        }
        return String(letters.reversed())
    }

    private static func roman(_ number: Int) -> String {
        let numerals: [(Int, String)] = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                                          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        var value = min(number, 3999)
        var text = ""
        for (amount, numeral) in numerals {
            while value >= amount {
                text += numeral
                value -= amount
            }
        }
        return text
    }

    private static func greek(_ number: Int) -> String {
        let letters = Array("αβγδεζηθικλμνξοπρστυφχψω")
        return number <= letters.count ? String(letters[number - 1]) : String(number)
    }
}

/// The labels a page's citation markers print for its notes: `<sup class="reference"><a
/// href="#cite_note-3">[2]</a></sup>` labels `cite_note-3` "2" (the first marker of a note decides).
enum CitationLabels {
    static func read(in root: Node) -> [String: String] {
        var labels: [String: String] = [:]
        // Only elements whose class holds the marker's class word are looked at (on their bytes).
        for sup in root.descendants(.elements(withAttribute: [.class], containing: markerClassWord))
        where sup.isElement(.sup) && sup.hasClass(Selectors.citationMarkerClass) {
            for anchor in sup.descendants(.elements(named: .a)) {
                guard let href = anchor.attribute(.href), let hash = href.firstIndex(of: "#") else { continue }
                let id = String(href[href.index(after: hash)...])
                guard !id.isEmpty, labels[id] == nil else { continue }
                let label = bare(anchor.text)
                if !label.isEmpty { labels[id] = label }
            }
        }
        return labels
    }

    private static let markerClassWord = PhraseSet([Selectors.citationMarkerClass])

    /// A marker's text without its brackets: "[2]" → "2", "[note 3]" → "note 3".
    static func bare(_ text: String) -> String {
        var label = text.trimmingSpaces()
        let bytes = label.utf8
        // Plain ASCII (most markers) is read on its bytes: there each bracket is a character of its own.
        if !bytes.contains(where: { $0 >= 0x80 }) {
            guard bytes.count >= 2, bytes.first == UInt8(ascii: "["), bytes.last == UInt8(ascii: "]") else { return label }
            return String(Substring(bytes.dropFirst().dropLast())).trimmingSpaces()
        }
        if label.hasPrefix("["), label.hasSuffix("]"), label.count >= 2 { label = String(label.dropFirst().dropLast()).trimmingSpaces() }
        return label
    }

    /// The group a label names before its number ("note 3" → "note"), or nil ("3", "a").
    static func group(inLabel label: String) -> String? {
        guard let space = label.lastIndex(of: " ") else { return nil }
        let name = label[..<space].trimmingSpaces()
        return name.isEmpty ? nil : String(name)
    }
}
