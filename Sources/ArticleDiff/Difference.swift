/// One difference between an expected and an actual JSON document, at a JSON path.
public struct Difference: Equatable, Sendable, CustomStringConvertible {
    /// What differs.
    public enum Kind: Equatable, Sendable {
        /// The value at the path differs.
        case changed(expected: JSONValue, actual: JSONValue)
        /// Array elements (or an object field) the expected document has and the actual lacks.
        case missing([JSONValue])
        /// Array elements (or an object field) the actual document has and the expected lacks.
        case extra([JSONValue])
    }

    /// The JSON path, e.g. `sections[2].blocks[0].text` (`` (root) `` for the whole document).
    public let path: String
    /// What differs.
    public let kind: Kind

    /// Creates a difference.
    public init(path: String, kind: Kind) {
        self.path = path
        self.kind = kind
    }

    /// One line: `sections[2].blocks[0].text: expected "…" got "…"`, `isbns: missing 9780140449136`,
    /// `references: 3 extra`.
    public var description: String {
        let place = path.isEmpty ? "(root)" : path
        switch kind {
        case let .changed(.string(expected), .string(actual)):
            let (shownExpected, shownActual) = Self.aroundFirstDifference(expected, actual)
            return "\(place): expected \"\(shownExpected)\" got \"\(shownActual)\""
        case let .changed(expected, actual):
            return "\(place): expected \(expected.summary) got \(actual.summary)"
        case let .missing(values):
            return "\(place): missing " + Self.list(values)
        case let .extra(values):
            return "\(place): \(values.count) extra " + (values.count == 1 ? values[0].summaryForList : "(first: \(values[0].summaryForList))")
        }
    }

    private static func list(_ values: [JSONValue]) -> String {
        if values.count == 1 { return values[0].summaryForList }
        return "\(values.count) (first: \(values[0].summaryForList))"
    }

    /// How much of a long string is shown before the first difference.
    static let contextBefore = 30
    /// How much is shown from the first difference on.
    static let contextAfter = 50

    /// Long strings cut to a window around their first differing character.
    static func aroundFirstDifference(_ expected: String, _ actual: String) -> (String, String) {
        let left = Array(expected)
        let right = Array(actual)
        guard left.count > contextBefore + contextAfter || right.count > contextBefore + contextAfter else {
            return (expected, actual)
        }
        var first = 0
        while first < left.count, first < right.count, left[first] == right[first] { first += 1 }
        let start = max(0, first - contextBefore)
        func window(_ characters: [Character]) -> String {
            let end = min(characters.count, first + contextAfter)
            var text = start < end ? String(characters[start..<end]) : ""
            if start > 0 { text = "…" + text }
            if end < characters.count { text += "…" }
            return text
        }
        return (window(left), window(right))
    }
}

extension JSONValue {
    /// The identifying value of an element in a list message: an ISBN-13 bare, else the summary.
    var summaryForList: String {
        if case let .object(fields) = self, case let .string(isbn)? = fields["isbn13"] { return isbn }
        return summary
    }
}
