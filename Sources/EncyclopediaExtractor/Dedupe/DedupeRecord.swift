/// One article as deduplication sees it, small enough to hold millions: where it came from, its
/// fingerprint, content hash and completeness.
///
/// `encx dedupe --records` reads these as JSON Lines (the Spark job writes them from its article rows):
/// `{"input": …, "record": …, "url": …, "site": …, "title": …, "fingerprint": …, "contentHash": …,
/// "completeness": {"sections", "references", "isbns", "proseBytes", "repairs"}}`.
public struct DedupeRecord: Codable, Sendable, Equatable {
    /// The input the article came from (a path, or a name of the caller's); also the tie-breaking key.
    public var input: String
    /// The WARC-Record-ID, for an article read from a WARC record.
    public var record: String?
    public var url: String?
    public var site: String?
    public var title: String?
    /// ``Fingerprint/hex``, or nil for an article without prose.
    public var fingerprint: String?
    /// ``ContentHash/hex``, or nil for an article without prose.
    public var contentHash: String?
    public var completeness: Completeness

    public init(input: String, record: String? = nil, url: String? = nil, site: String? = nil, title: String? = nil,
                fingerprint: String?, contentHash: String?, completeness: Completeness)
    {
        self.input = input
        self.record = record
        self.url = url
        self.site = site
        self.title = title
        self.fingerprint = fingerprint
        self.contentHash = contentHash
        self.completeness = completeness
    }

    /// The record of an article (its digest read from its text).
    public init(_ article: Article, input: String, record: String? = nil) {
        let digest = ArticleDigest(article)
        self.init(input: input, record: record, url: article.source.url, site: article.source.site, title: article.title,
                  fingerprint: digest.fingerprint?.hex, contentHash: digest.contentHash?.hex, completeness: digest.completeness)
    }

    /// The digest the record describes; a fingerprint or content hash that is not valid hex counts as absent.
    public var digest: ArticleDigest {
        ArticleDigest(fingerprint: fingerprint.flatMap(Fingerprint.init(hex:)), contentHash: contentHash.flatMap(ContentHash.init(hex:)),
                      completeness: completeness)
    }

    /// The key that breaks ties between equally complete copies: the input, and the record's id.
    public var key: String { record.map { input + "\u{1F}" + $0 } ?? input }
}
