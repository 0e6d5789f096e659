/// What the container of a page says about it: a WARC record's target URI and HTTP charset, an MHTML
/// archive's snapshot location.
public struct PageOrigin: Sendable, Equatable {
    /// The URL the page was fetched from (`WARC-Target-URI`); it becomes `source.url`.
    public var fetchedURL: String?
    /// The URL the page was saved from (MHTML `Snapshot-Content-Location`); it ranks like a
    /// "saved from" comment: after `<link rel="canonical">`, before `og:url`.
    public var savedFromURL: String?
    /// The transport's charset (HTTP or MIME `Content-Type`): used after a byte-order mark and before
    /// the page's own `<meta>`.
    public var charset: String?

    public init(fetchedURL: String? = nil, savedFromURL: String? = nil, charset: String? = nil) {
        self.fetchedURL = fetchedURL
        self.savedFromURL = savedFromURL
        self.charset = charset
    }

    /// The origin of a page read from a WARC record.
    public init(archivedPage page: ArchivedPage) {
        self.init(fetchedURL: page.record.targetURI, charset: page.charset)
    }
}
