import ArticleDiff
import Foundation
import FuzzSupport

/// FuzzJSON: ArticleDiff's JSON parser and diff. The input is one JSON document, or two separated by a
/// NUL byte. Parsed JSON written out reads back equal; the parser accepts exactly what Foundation's
/// does; a diff of a value with itself is empty and a diff of different values is not.
public enum JSONCheck {
    public static func check(_ bytes: [UInt8]) throws(InvariantFailure) {
        let documents = bytes.split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false).map(Array.init)
        var values: [JSONValue] = []
        for document in documents {
            try agreesWithFoundation(document)
            guard case let .success(value) = parse(document) else { continue }
            try writesAndReadsBack(value)
            values.append(value)
        }
        if let first = values.first {
            try diffs(first, values.count > 1 ? values[1] : first)
        }
    }

    static func parse(_ bytes: [UInt8]) -> Result<JSONValue, any Error> {
        Result { try JSONValue(parsing: Data(bytes)) }
    }

    /// Written out and parsed again, a value is equal to itself, and writing it again gives the same text.
    static func writesAndReadsBack(_ value: JSONValue) throws(InvariantFailure) {
        let text = JSONText.write(value)
        guard case let .success(again) = parse(text) else {
            throw InvariantFailure("the parser refuses the JSON it read, written out: \(String(decoding: text.prefix(200), as: UTF8.self))")
        }
        try require(again == value, "JSON written out reads back different: \(String(decoding: text.prefix(200), as: UTF8.self))")
        try require(JSONText.write(again) == text, "JSON written out twice differs")
    }

    /// The parser accepts what Foundation's JSONSerialization accepts (fragments allowed), on text
    /// Foundation reads the same way: UTF-8 without a byte-order mark or NUL bytes (from which Foundation
    /// guesses UTF-16 or UTF-32), nested less than Foundation's limit.
    static func agreesWithFoundation(_ bytes: [UInt8]) throws(InvariantFailure) {
        let openings = bytes.count { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "{") }
        guard !bytes.starts(with: [0xEF, 0xBB, 0xBF]), !bytes.contains(0), openings < 500 else { return }
        let ours: Bool
        if case .success = parse(bytes) { ours = true } else { ours = false }
        let foundation = (try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])) != nil
        // Foundation reads a comma before "]" or "}" ("[1,]"), which RFC 8259 does not allow.
        if foundation && !ours && hasTrailingComma(bytes) { return }
        // Foundation does not range-check a member's value that a later member of the same key replaces.
        if foundation && !ours && refusesOnlyReplacedNumbers(bytes) { return }
        try require(ours == foundation, "ArticleDiff's parser \(ours ? "accepts" : "refuses") what Foundation \(foundation ? "accepts" : "refuses"): \(String(decoding: bytes.prefix(200), as: UTF8.self).debugDescription)")
    }

    /// True when every number ArticleDiff's parser refuses as out of range is an object member's value
    /// that a later member of the same key replaces (`{"b":1e999,"b":"x"}`, which Foundation reads as
    /// `{"b":"x"}` without looking at the number): with a marker string put in each such number's place,
    /// the document parses and no marker is left in the value.
    static func refusesOnlyReplacedNumbers(_ bytes: [UInt8]) -> Bool {
        let marker = "encx-fuzz-replaced-number"
        var document = bytes
        for _ in 0..<64 {
            switch parse(document) {
            case let .success(value):
                return !holds(marker, value)
            case let .failure(error):
                guard let error = error as? JSONParseError, error.reason == "number out of range" else { return false }
                var end = error.offset
                while end < document.count, "+-.eE0123456789".utf8.contains(document[end]) { end += 1 }
                document.replaceSubrange(error.offset..<end, with: Array("\"\(marker)\"".utf8))
            }
        }
        return false
    }

    private static func holds(_ text: String, _ value: JSONValue) -> Bool {
        switch value {
        case let .string(string): string == text
        case let .array(elements): elements.contains { holds(text, $0) }
        case let .object(fields): fields.values.contains { holds(text, $0) }
        case .null, .bool, .number: false
        }
    }

    /// True when a comma outside strings is followed (after whitespace) by "]" or "}".
    static func hasTrailingComma(_ bytes: [UInt8]) -> Bool {
        var inString = false
        var escaped = false
        for (index, byte) in bytes.enumerated() {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            if byte == UInt8(ascii: "\"") { inString = true }
            guard byte == UInt8(ascii: ",") else { continue }
            let next = bytes[(index + 1)...].first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
            if next == UInt8(ascii: "]") || next == UInt8(ascii: "}") { return true }
        }
        return false
    }

    /// Diffs: a value against itself is empty; different values differ; ignoring paths only removes
    /// differences; at a root array, missing minus extra elements is the difference in length.
    static func diffs(_ left: JSONValue, _ right: JSONValue) throws(InvariantFailure) {
        try require(JSONDiff.differences(expected: left, actual: left).isEmpty, "a value differs from itself")
        let forward = JSONDiff.differences(expected: left, actual: right)
        let backward = JSONDiff.differences(expected: right, actual: left)
        try require(forward.isEmpty == (left == right) && backward.isEmpty == (left == right),
                    "values \(left == right ? "equal" : "different") yet \(forward.count) and \(backward.count) differences")
        for difference in forward + backward {
            try require(!difference.description.isEmpty, "a difference without a description")
        }
        if case let .array(expected) = left, case let .array(actual) = right {
            var balance = 0
            for difference in forward where difference.path.isEmpty {
                switch difference.kind {
                case let .missing(values): balance += values.count
                case let .extra(values): balance -= values.count
                case .changed: break
                }
            }
            try require(balance == expected.count - actual.count,
                        "arrays of \(expected.count) and \(actual.count) elements: missing minus extra is \(balance)")
        }
        var patterns = ["*", "[*]", "[0]", "a.b", "[1].*"].compactMap(IgnorePattern.init)
        if case let .object(fields) = left, let key = fields.keys.sorted().first, let pattern = IgnorePattern(key) { patterns.append(pattern) }
        for pattern in patterns {
            let ignoring = JSONDiff.differences(expected: left, actual: right, ignoring: [pattern])
            try require(ignoring.allSatisfy(forward.contains), "ignoring \(pattern) adds a difference")
        }
    }
}
