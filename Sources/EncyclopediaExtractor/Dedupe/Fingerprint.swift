/// A locality-sensitive hash of an article's prose: a MinHash signature of 64 values of 16 bits, written
/// as 256 hexadecimal digits (each value as four, in order).
///
/// Two articles agree in about the same share of values as their prose shares shingles (four-word runs
/// within a paragraph, list item, table row, caption or heading; the Jaccard similarity of the two sets).
/// Copies of one article on different mirrors agree in most values whatever their chrome, encoding, line
/// endings and section order; a copy that lost a sentence or a paragraph agrees a little less; unrelated
/// articles agree in almost none. See ``ArticleDigest`` for what counts as prose, and the README's
/// "Duplicates across mirrors".
///
/// Why MinHash and not a 64-bit SimHash: a SimHash puts the copies' distance and the distance between
/// articles that share a topic too close together (for a quarter of shared shingles, about 12 bits of 64
/// against about 24, each give or take four) to tell them apart; MinHash values estimate the share itself,
/// and their bands make LSH candidates without comparing all pairs.
public struct Fingerprint: Hashable, Sendable, CustomStringConvertible {
    /// Values in a signature.
    public static let valueCount = 64

    /// The signature's values.
    public let values: [UInt16]

    /// A signature of ``valueCount`` values, or nil for any other count.
    public init?(values: [UInt16]) {
        guard values.count == Self.valueCount else { return nil }
        self.values = values
    }

    init(unchecked values: [UInt16]) {
        self.values = values
    }

    /// Reads the 256 hexadecimal digits of ``hex``; nil for anything else.
    public init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count == Self.valueCount * 4 else { return nil }
        var values = [UInt16](repeating: 0, count: Self.valueCount)
        for index in 0..<Self.valueCount {
            var value: UInt16 = 0
            for digit in digits[(index * 4)..<(index * 4 + 4)] {
                guard let nibble = hexValue(digit) else { return nil }
                value = value << 4 | UInt16(nibble)
            }
            values[index] = value
        }
        self.values = values
    }

    /// The signature as 256 lower-case hexadecimal digits.
    public var hex: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Self.valueCount * 4)
        for value in values {
            for shift in stride(from: 12, through: 0, by: -4) { bytes.append(hexDigits[Int(value >> UInt16(shift) & 0xF)]) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    public var description: String { hex }

    /// The share of values the two signatures agree in: an estimate of the Jaccard similarity of the two
    /// articles' shingles (within about ±0.06 at 0.5).
    public func similarity(to other: Fingerprint) -> Double {
        var equal = 0
        for index in 0..<Self.valueCount where values[index] == other.values[index] { equal += 1 }
        return Double(equal) / Double(Self.valueCount)
    }
}

/// A 128-bit hash of an article's normalised prose (its words in order, as the fingerprint reads them),
/// written as 32 hexadecimal digits: copies with the same words in the same order have the same hash,
/// whatever their chrome, encoding, line endings, case or punctuation.
public struct ContentHash: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let high: UInt64
    public let low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// Reads 32 hexadecimal digits; nil for anything else.
    public init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count == 32 else { return nil }
        var parts: [UInt64] = [0, 0]
        for (index, digit) in digits.enumerated() {
            guard let nibble = hexValue(digit) else { return nil }
            parts[index / 16] = parts[index / 16] << 4 | UInt64(nibble)
        }
        high = parts[0]
        low = parts[1]
    }

    /// The hash as 32 lower-case hexadecimal digits.
    public var hex: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        for part in [high, low] {
            for shift in stride(from: 60, through: 0, by: -4) { bytes.append(hexDigits[Int(part >> UInt64(shift) & 0xF)]) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    public var description: String { hex }

    public static func < (left: ContentHash, right: ContentHash) -> Bool {
        (left.high, left.low) < (right.high, right.low)
    }
}

private let hexDigits = Array("0123456789abcdef".utf8)

private func hexValue(_ digit: UInt8) -> UInt8? {
    switch digit {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
    default: nil
    }
}

/// What deduplication needs of an article: its fingerprint, content hash and completeness, computed from
/// its text (not from the article's stored ``Article/fingerprint``, so articles written by an older
/// version compare alike).
///
/// The prose is the lead and the sections' blocks and titles, in the body's order: paragraphs, list
/// items (nested ones too), table captions and rows (a row's cells read as one run of text), quotes,
/// figure captions, definitions (term and definition). Not the title (copies of one article share it, and
/// so may different articles), not the references, notes, "See also", "Further reading" and "External
/// links" sections (any section with a `referenceKind`: some mirrors drop them, and they say little about
/// which article it is), not the infobox, categories, licence or anything from the chrome.
public struct ArticleDigest: Sendable, Equatable {
    /// The prose's MinHash signature, or nil when the article has no prose.
    public var fingerprint: Fingerprint?
    /// The normalised prose's hash, or nil when the article has no prose.
    public var contentHash: ContentHash?
    /// How complete the copy is (to choose the copy to keep).
    public var completeness: Completeness

    /// Creates a digest from its parts (from a store of fingerprints, say).
    public init(fingerprint: Fingerprint?, contentHash: ContentHash?, completeness: Completeness) {
        self.fingerprint = fingerprint
        self.contentHash = contentHash
        self.completeness = completeness
    }

    /// Reads the article's prose.
    public init(_ article: Article) {
        var hasher = ProseHasher()
        hasher.read(article)
        fingerprint = hasher.fingerprint()
        contentHash = hasher.contentHash()
        completeness = Completeness(article, proseBytes: hasher.proseBytes)
    }
}

extension ProseHasher {
    /// Reads the article's prose (see ``ArticleDigest``), unit by unit.
    mutating func read(_ article: Article) {
        read(article.lead)
        read(article.sections)
    }

    private mutating func read(_ sections: [Section]) {
        for section in sections where section.referenceKind == nil {
            unit(section.title)
            read(section.blocks)
            read(section.sections)
        }
    }

    private mutating func read(_ blocks: [Block]) {
        for block in blocks {
            switch block {
            case let .paragraph(text, _, _), let .quote(text):
                unit(text)
            case let .list(_, items):
                read(items)
            case let .table(caption, rows, _, _):
                if let caption { unit(caption) }
                for row in rows {
                    for cell in row { piece(cell) }
                    endUnit()
                }
            case let .figure(caption, _):
                unit(caption)
            case let .definitions(items):
                for item in items {
                    piece(item.term)
                    piece(item.definition)
                    endUnit()
                }
            }
        }
    }

    private mutating func read(_ items: [ListItem]) {
        for item in items {
            unit(item.text)
            read(item.items)
        }
    }
}

extension Article {
    /// Sets ``fingerprint`` and ``contentHash`` from the article's prose (extraction does this).
    public mutating func stampFingerprint() {
        var hasher = ProseHasher()
        hasher.read(self)
        fingerprint = hasher.fingerprint()?.hex
        contentHash = hasher.contentHash()?.hex
    }
}
