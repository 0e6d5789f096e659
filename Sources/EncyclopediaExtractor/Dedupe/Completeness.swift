/// How complete a copy of an article is, to choose the copy to keep among near-duplicates.
///
/// Copies compare by, in turn: more sections (nested ones counted; a mirror that lost a heading has
/// fewer), more references, more valid ISBNs, more bytes of prose (a copy that lost a sentence or a
/// paragraph has fewer), fewer repair warnings (the extractor had to restore, reorder or re-decode less).
/// Every count is read from the article as its JSON carries it, so a tool holding only the JSON (the Spark
/// job) computes the same.
public struct Completeness: Sendable, Equatable, Hashable, Comparable, Codable {
    /// Sections at every level.
    public var sections: Int
    /// References of every kind.
    public var references: Int
    /// ISBNs whose checksum holds.
    public var isbns: Int
    /// UTF-8 bytes of the prose the fingerprint reads (see ``ArticleDigest``).
    public var proseBytes: Int
    /// Warnings that say the page was damaged or repaired (``repairCodes``).
    public var repairs: Int

    /// The warnings that count against a copy: structure the extractor had to repair or reorder, text lost
    /// or re-decoded. Not `license-missing`, `unrecognised-site`, `isbn-invalid` or `isbn-limit`: they
    /// describe the site or the article, not the copy's damage.
    public static let repairCodes: Set<WarningCode> = [
        .tocHeadingMissing, .headingNotInTOC, .sectionOrder, .sectionRestored, .misplacedNotes, .misplacedReferences,
        .misplacedProse, .titleFromHead, .emptyArticle, .parseTruncated, .encodingRepaired, .encodingGuessed,
        .charsetUnknown, .nulRemoved, .replacementCharacters,
    ]

    public init(sections: Int, references: Int, isbns: Int, proseBytes: Int, repairs: Int) {
        self.sections = sections
        self.references = references
        self.isbns = isbns
        self.proseBytes = proseBytes
        self.repairs = repairs
    }

    /// Counts an article (its prose bytes read by ``ArticleDigest``).
    init(_ article: Article, proseBytes: Int) {
        func count(_ sections: [Section]) -> Int { sections.reduce(sections.count) { $0 + count($1.sections) } }
        self.init(sections: count(article.sections), references: article.references.count,
                  isbns: article.isbns.reduce(0) { $0 + ($1.valid ? 1 : 0) }, proseBytes: proseBytes,
                  repairs: article.warnings.reduce(0) { $0 + (Self.repairCodes.contains($1.code) ? 1 : 0) })
    }

    /// True when `left` is the less complete copy.
    public static func < (left: Completeness, right: Completeness) -> Bool {
        (left.sections, left.references, left.isbns, left.proseBytes, -left.repairs)
            < (right.sections, right.references, right.isbns, right.proseBytes, -right.repairs)
    }
}
