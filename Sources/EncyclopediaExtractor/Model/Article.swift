// The wire format writes every field, absent ones as `null`, so a consumer sees the same keys on every
// value (synthesised encoders would leave nil fields out).

/// A clean encyclopedia article extracted from one saved page.
///
/// Every field has a stable JSON name (the wire format is a public contract; see the README).
/// Encode with ``ArticleJSON`` for byte-deterministic output.
public struct Article: Codable, Sendable, Equatable {
    /// The most distinct ISBNs an article keeps; more are counted in an `isbn-limit` warning.
    public static let maximumISBNs = 10_000

    /// The version of this JSON model. Bumped only for incompatible changes.
    public var schemaVersion: Int
    /// The article's `<h1>` heading, never the `<title>` with its site suffix.
    public var title: String
    /// Where the page came from.
    public var source: Source
    /// The page's language (`<html lang>` or a content-language `<meta>`), or nil.
    public var language: String?
    /// Blocks before the first heading.
    public var lead: [Block]
    /// Top-level sections, each holding its subsections.
    public var sections: [Section]
    /// The page's own table of contents, as printed.
    public var tableOfContents: [TOCEntry]
    /// Notes, bibliography entries, external links and see-also entries.
    public var references: [Reference]
    /// Every ISBN in the article, deduplicated by ISBN-13.
    public var isbns: [ISBN]
    /// The infobox's label/value rows.
    public var infobox: [InfoboxField]
    /// Category names.
    public var categories: [String]
    /// The licence the page was served under, from its licence block.
    public var license: License?
    /// What the extractor noticed and could not (or did) repair.
    public var warnings: [Warning]
    /// A locality-sensitive hash of the article's prose (``Fingerprint``: a MinHash signature as 256 hex
    /// digits), alike for copies of the article on other mirrors; nil when the article has no prose.
    public var fingerprint: String?
    /// A hash of the article's normalised prose (``ContentHash``: 32 hex digits), equal for copies with
    /// the same words in the same order; nil when the article has no prose.
    public var contentHash: String?

    /// The current ``schemaVersion``.
    public static let currentSchemaVersion = 2

    /// Creates an article; extraction builds these, tests and tools may too.
    public init(
        title: String, source: Source, language: String? = nil, lead: [Block] = [], sections: [Section] = [],
        tableOfContents: [TOCEntry] = [], references: [Reference] = [], isbns: [ISBN] = [],
        infobox: [InfoboxField] = [], categories: [String] = [], license: License? = nil, warnings: [Warning] = [],
        fingerprint: String? = nil, contentHash: String? = nil
    ) {
        schemaVersion = Self.currentSchemaVersion
        self.title = title
        self.source = source
        self.language = language
        self.lead = lead
        self.sections = sections
        self.tableOfContents = tableOfContents
        self.references = references
        self.isbns = isbns
        self.infobox = infobox
        self.categories = categories
        self.license = license
        self.warnings = warnings
        self.fingerprint = fingerprint
        self.contentHash = contentHash
    }
}

/// Where a page came from and how it was read.
public struct Source: Codable, Sendable, Equatable {
    /// The page's URL: its canonical link, else the browser's saved-from comment, else `og:url`,
    /// else the URL the caller passed.
    public var url: String?
    /// The site that served the page ("World Library", "World Heritage Encyclopedia", "Wikipedia",
    /// "Answers.com", …), or nil when it was not recognised (a copy of Wikipedia on an unknown site
    /// is nil here, with the upstream in ``upstream``).
    public var site: String?
    /// The site the article was copied from, where the page says so and it is not the serving site
    /// ("From Wikipedia, the free encyclopedia", "Retrieved from https://en.wikipedia.org/…").
    public var upstream: Upstream?
    /// The copy's own article id ("WHEBN0000236874", from World Heritage Encyclopedia's
    /// article-information panel), or nil.
    public var articleId: String?
    /// What the page's article-information panel says about the copy, or nil when it has none.
    public var catalog: Catalog?
    /// The encoding the page was decoded from (`utf-8`, `windows-1252`, …).
    public var encoding: String

    /// Creates a source record.
    public init(url: String?, site: String?, encoding: String, upstream: Upstream? = nil, articleId: String? = nil,
                catalog: Catalog? = nil)
    {
        self.url = url
        self.site = site
        self.upstream = upstream
        self.articleId = articleId
        self.catalog = catalog
        self.encoding = encoding
    }
}

/// The site a copied article came from.
public struct Upstream: Codable, Sendable, Equatable {
    /// The site's name ("Wikipedia"), or its host when no profile names it.
    public var site: String
    /// The upstream page's URL as the copy prints it, or nil.
    public var url: String?

    /// Creates an upstream record.
    public init(site: String, url: String?) {
        self.site = site
        self.url = url
    }
}

/// What a copy's article-information panel (World Heritage Encyclopedia's "Article Id: …, Subject: …,
/// Collection: …") says about it. Fields the panel leaves empty are nil; the panel's title and language
/// are the article's `title` and `language`.
public struct Catalog: Codable, Sendable, Equatable {
    /// "Author:" (the site names itself on most pages).
    public var author: String?
    /// "Collection:" (or "Collections:"): the site's collections holding the article.
    public var collection: String?
    /// "Publication Date:".
    public var publicationDate: String?
    /// "Publisher:".
    public var publisher: String?
    /// "Reproduction Date:".
    public var reproductionDate: String?
    /// "Subject:".
    public var subject: String?

    /// Creates a catalog record.
    public init(author: String? = nil, collection: String? = nil, publicationDate: String? = nil, publisher: String? = nil,
                reproductionDate: String? = nil, subject: String? = nil)
    {
        self.author = author
        self.collection = collection
        self.publicationDate = publicationDate
        self.publisher = publisher
        self.reproductionDate = reproductionDate
        self.subject = subject
    }
}

/// A field of ``Catalog``.
enum CatalogField: Sendable {
    case author, collection, publicationDate, publisher, reproductionDate, subject
}

/// A licence recognised from the page's licence block.
public struct License: Codable, Sendable, Equatable {
    /// The licence's short name, e.g. "CC BY-SA 3.0".
    public var name: String
    /// The licence's URL.
    public var url: String?
    /// The licence block's text, as the site wrote it.
    public var attribution: String

    /// Creates a licence record.
    public init(name: String, url: String?, attribution: String) {
        self.name = name
        self.url = url
        self.attribution = attribution
    }
}

/// Something the extractor noticed about the page: a code for programs, a sentence for people.
public struct Warning: Codable, Sendable, Equatable {
    /// A stable kebab-case code, e.g. `toc-heading-missing` (the README lists them all).
    public var code: WarningCode
    /// A sentence naming what was found and where.
    public var message: String

    /// Creates a warning.
    public init(code: WarningCode, message: String) {
        self.code = code
        self.message = message
    }
}

/// One label/value row of an infobox.
public struct InfoboxField: Codable, Sendable, Equatable {
    /// The row's label (its header cell), or "" for a row with one cell.
    public var label: String
    /// The row's value; items on separate lines are joined with "; ".
    public var value: String

    /// Creates an infobox row.
    public init(label: String, value: String) {
        self.label = label
        self.value = value
    }
}

extension Article {
    enum CodingKeys: String, CodingKey {
        case schemaVersion, title, source, language, lead, sections, tableOfContents, references, isbns, infobox,
            categories, license, warnings, fingerprint, contentHash
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(schemaVersion, forKey: .schemaVersion)
        try container.encode(title, forKey: .title)
        try container.encode(source, forKey: .source)
        try container.encode(language, forKey: .language)
        try container.encode(lead, forKey: .lead)
        try container.encode(sections, forKey: .sections)
        try container.encode(tableOfContents, forKey: .tableOfContents)
        try container.encode(references, forKey: .references)
        try container.encode(isbns, forKey: .isbns)
        try container.encode(infobox, forKey: .infobox)
        try container.encode(categories, forKey: .categories)
        try container.encode(license, forKey: .license)
        try container.encode(warnings, forKey: .warnings)
        try container.encode(fingerprint, forKey: .fingerprint)
        try container.encode(contentHash, forKey: .contentHash)
    }
}

extension Source {
    enum CodingKeys: String, CodingKey { case url, site, upstream, articleId, catalog, encoding }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(url, forKey: .url)
        try container.encode(site, forKey: .site)
        try container.encode(upstream, forKey: .upstream)
        try container.encode(articleId, forKey: .articleId)
        try container.encode(catalog, forKey: .catalog)
        try container.encode(encoding, forKey: .encoding)
    }
}

extension Upstream {
    enum CodingKeys: String, CodingKey { case site, url }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(site, forKey: .site)
        try container.encode(url, forKey: .url)
    }
}

extension Catalog {
    enum CodingKeys: String, CodingKey { case author, collection, publicationDate, publisher, reproductionDate, subject }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(author, forKey: .author)
        try container.encode(collection, forKey: .collection)
        try container.encode(publicationDate, forKey: .publicationDate)
        try container.encode(publisher, forKey: .publisher)
        try container.encode(reproductionDate, forKey: .reproductionDate)
        try container.encode(subject, forKey: .subject)
    }
}

extension License {
    enum CodingKeys: String, CodingKey { case name, url, attribution }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(url, forKey: .url)
        try container.encode(attribution, forKey: .attribution)
    }
}

extension Article {
    /// Calls `body` with every text the article shows: its title, the lead's and every section's blocks
    /// and titles, the infobox, the references.
    func forEachText(_ body: (String) -> Void) {
        body(title)
        for block in lead { block.forEachText(body) }
        func walk(_ sections: [Section]) {
            for section in sections {
                body(section.title)
                for block in section.blocks { block.forEachText(body) }
                walk(section.sections)
            }
        }
        walk(sections)
        for field in infobox {
            body(field.label)
            body(field.value)
        }
        for reference in references { body(reference.text) }
    }

    /// How many U+FFFD replacement characters the article's text holds.
    var replacementCharacterCount: Int {
        var count = 0
        forEachText { text in
            for scalar in text.unicodeScalars where scalar == "\u{FFFD}" { count += 1 }
        }
        return count
    }
}
