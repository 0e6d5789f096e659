/// A path pattern to leave out of a comparison: `warnings`, `sections[*].anchor`, `source.url`.
/// `*` stands for any array index (or any object key).
public struct IgnorePattern: Equatable, Sendable, CustomStringConvertible {
    enum Component: Equatable, Sendable {
        case key(String)
        case index(Int)
        case anyIndex
        case anyKey
    }

    let components: [Component]
    /// The pattern as written.
    public let description: String

    /// Parses a pattern; nil when it is malformed (an unclosed bracket, an empty key).
    public init?(_ pattern: String) {
        var components: [Component] = []
        var key = ""
        var index = pattern.startIndex
        func flushKey() -> Bool {
            guard !key.isEmpty else { return true }
            components.append(key == "*" ? .anyKey : .key(key))
            key = ""
            return true
        }
        while index < pattern.endIndex {
            let character = pattern[index]
            switch character {
            case ".":
                if key.isEmpty, components.isEmpty { return nil }
                _ = flushKey()
            case "[":
                _ = flushKey()
                guard let close = pattern[index...].firstIndex(of: "]") else { return nil }
                let inside = pattern[pattern.index(after: index)..<close]
                if inside == "*" {
                    components.append(.anyIndex)
                } else if let number = Int(inside) {
                    components.append(.index(number))
                } else {
                    return nil
                }
                index = close
            default:
                key.append(character)
            }
            index = pattern.index(after: index)
        }
        _ = flushKey()
        guard !components.isEmpty else { return nil }
        self.components = components
        description = pattern
    }

    /// True when some field of `value` lies at a path the pattern matches: a pattern that matches
    /// nothing ignores nothing (a mistyped path).
    public func occurs(in value: JSONValue) -> Bool {
        func search(_ value: JSONValue, depth: Int) -> Bool {
            guard depth < components.count else { return true }
            switch (components[depth], value) {
            case let (.key(name), .object(fields)):
                return fields[name].map { search($0, depth: depth + 1) } ?? false
            case let (.anyKey, .object(fields)):
                return fields.values.contains { search($0, depth: depth + 1) }
            case let (.index(position), .array(elements)):
                return elements.indices.contains(position) && search(elements[position], depth: depth + 1)
            case let (.anyIndex, .array(elements)):
                return elements.contains { search($0, depth: depth + 1) }
            default:
                return false
            }
        }
        return search(value, depth: 0)
    }

    func matches(_ path: [Component]) -> Bool {
        guard path.count >= components.count else { return false }
        for (pattern, actual) in zip(components, path) {
            switch (pattern, actual) {
            case (.anyIndex, .index), (.anyKey, .key): continue
            case let (.key(a), .key(b)) where a == b: continue
            case let (.index(a), .index(b)) where a == b: continue
            default: return false
            }
        }
        return true
    }
}

/// Compares two JSON documents structurally and lists the differences by path.
///
/// Objects compare field by field. Arrays are aligned on their longest common subsequence, so an
/// inserted paragraph is one `extra` difference rather than a cascade of changed ones; elements left
/// between aligned ones are compared pairwise in order.
public enum JSONDiff {
    /// Past this many element comparisons an array is compared position by position (bounds the
    /// quadratic alignment on huge arrays).
    static let maximumAlignmentWork = 4_000_000

    /// The differences between `expected` and `actual`, leaving out paths matching `ignoring`.
    public static func differences(expected: JSONValue, actual: JSONValue, ignoring: [IgnorePattern] = []) -> [Difference] {
        var output: [Difference] = []
        compare(expected, actual, path: [], ignoring: ignoring, into: &output)
        return output
    }

    private static func render(_ path: [IgnorePattern.Component]) -> String {
        var text = ""
        for component in path {
            switch component {
            case let .key(key): text += text.isEmpty ? key : "." + key
            case let .index(index): text += "[\(index)]"
            case .anyIndex: text += "[*]"
            case .anyKey: text += ".*"
            }
        }
        return text
    }

    private static func compare(
        _ expected: JSONValue, _ actual: JSONValue, path: [IgnorePattern.Component], ignoring: [IgnorePattern],
        into output: inout [Difference]
    ) {
        if ignoring.contains(where: { $0.matches(path) }) { return }
        if expected == actual { return }
        switch (expected, actual) {
        case let (.object(left), .object(right)):
            for key in Set(left.keys).union(right.keys).sorted() {
                let childPath = path + [.key(key)]
                if ignoring.contains(where: { $0.matches(childPath) }) { continue }
                switch (left[key], right[key]) {
                case let (l?, r?): compare(l, r, path: childPath, ignoring: ignoring, into: &output)
                case let (l?, nil): output.append(Difference(path: render(childPath), kind: .missing([l])))
                case let (nil, r?): output.append(Difference(path: render(childPath), kind: .extra([r])))
                case (nil, nil): break
                }
            }
        case let (.array(left), .array(right)):
            compareArrays(left, right, path: path, ignoring: ignoring, into: &output)
        default:
            output.append(Difference(path: render(path), kind: .changed(expected: expected, actual: actual)))
        }
    }

    private static func compareArrays(
        _ left: [JSONValue], _ right: [JSONValue], path: [IgnorePattern.Component], ignoring: [IgnorePattern],
        into output: inout [Difference]
    ) {
        let pairs = left.count * right.count <= maximumAlignmentWork ? alignment(left, right) : []
        var missing: [JSONValue] = []
        var extra: [JSONValue] = []
        var i = 0
        var j = 0
        func compareGap(untilLeft endLeft: Int, untilRight endRight: Int) {
            // Unaligned elements between two aligned ones: pair them in order, the rest are missing/extra.
            while i < endLeft && j < endRight {
                compare(left[i], right[j], path: path + [.index(i)], ignoring: ignoring, into: &output)
                i += 1
                j += 1
            }
            while i < endLeft {
                missing.append(left[i])
                i += 1
            }
            while j < endRight {
                extra.append(right[j])
                j += 1
            }
        }
        for (leftIndex, rightIndex) in pairs {
            compareGap(untilLeft: leftIndex, untilRight: rightIndex)
            i = leftIndex + 1
            j = rightIndex + 1
        }
        compareGap(untilLeft: left.count, untilRight: right.count)
        let place = render(path)
        if !missing.isEmpty { output.append(Difference(path: place, kind: .missing(missing))) }
        if !extra.isEmpty { output.append(Difference(path: place, kind: .extra(extra))) }
    }

    /// Index pairs of a longest common subsequence of equal elements.
    private static func alignment(_ left: [JSONValue], _ right: [JSONValue]) -> [(Int, Int)] {
        let n = left.count
        let m = right.count
        guard n > 0, m > 0 else { return [] }
        var table = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for a in stride(from: n - 1, through: 0, by: -1) {
            for b in stride(from: m - 1, through: 0, by: -1) {
                table[a][b] = left[a] == right[b] ? table[a + 1][b + 1] + 1 : max(table[a + 1][b], table[a][b + 1])
            }
        }
        var pairs: [(Int, Int)] = []
        var a = 0
        var b = 0
        while a < n && b < m {
            if left[a] == right[b] {
                pairs.append((a, b))
                a += 1
                b += 1
            } else if table[a + 1][b] >= table[a][b + 1] {
                a += 1
            } else {
                b += 1
            }
        }
        return pairs
    }
}
