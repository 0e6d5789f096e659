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

    /// The current ``schemaVersion``.
    public static let currentSchemaVersion = 1

    /// Creates an article; extraction builds these, tests and tools may too.
    public init(
        title: String, source: Source, language: String? = nil, lead: [Block] = [], sections: [Section] = [],
        tableOfContents: [TOCEntry] = [], references: [Reference] = [], isbns: [ISBN] = [],
        infobox: [InfoboxField] = [], categories: [String] = [], license: License? = nil, warnings: [Warning] = []
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
    }
}

/// Where a page came from and how it was read.
public struct Source: Codable, Sendable, Equatable {
    /// The page's URL: its canonical link, else the browser's saved-from comment, else `og:url`,
    /// else the URL the caller passed.
    public var url: String?
    /// The site that served the page ("World Library", "World Heritage Encyclopedia", …), or nil when
    /// no known site was recognised.
    public var site: String?
    /// The encoding the page was decoded from (`utf-8`, `windows-1252`, …).
    public var encoding: String

    /// Creates a source record.
    public init(url: String?, site: String?, encoding: String) {
        self.url = url
        self.site = site
        self.encoding = encoding
    }
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
    public var code: String
    /// A sentence naming what was found and where.
    public var message: String

    /// Creates a warning.
    public init(code: String, message: String) {
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
            categories, license, warnings
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
    }
}

extension Source {
    enum CodingKeys: String, CodingKey { case url, site, encoding }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(url, forKey: .url)
        try container.encode(site, forKey: .site)
        try container.encode(encoding, forKey: .encoding)
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
