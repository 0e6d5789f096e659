// The wire format writes every field, absent ones as `null`, so a consumer sees the same keys on every
// value (synthesised encoders would leave nil fields out).

/// A note, bibliography entry, external link or see-also entry of the article.
public struct Reference: Codable, Sendable, Equatable {
    /// What a reference is, judged by what it holds, not only by the heading it sits under.
    public enum Kind: String, Codable, Sendable, Equatable, CaseIterable {
        /// A footnote of the notes list (`ol.references`, items starting with a "^" back-link).
        case note
        /// A book or article in a bibliography, "Further reading" or "Sources" list.
        case bibliography
        /// A link to another site, from "External links".
        case externalLink
        /// A link to a related article, from "See also".
        case seeAlso
    }

    /// The reference's position among all the article's references, from 1 (unique in the article:
    /// notes first, in page order, then bibliography, external links and see-also entries).
    public var number: Int
    /// The note's label as the page prints it in its citation markers ("1", "a", "note 3"), or, for a
    /// note no marker points to, as its list numbers it; nil for references that are not notes.
    public var label: String?
    /// The note group the page puts the note in, when not the default one: the list's numbering style
    /// ("lower-alpha", "lower-roman") or the name its markers print ("note" of "note 3"); nil otherwise.
    /// `label` and `group` together identify a note as the page shows it.
    public var group: String?
    /// The note's id (`cite_note-1`), or nil for entries without one.
    public var id: String?
    /// What the reference is.
    public var kind: Kind
    /// The reference's text, without back-links.
    public var text: String
    /// The URLs it links to (absolute http/https links, in order, without duplicates).
    public var urls: [String]
    /// The ISBN-13s of the valid ISBNs it holds.
    public var isbns: [String]
    /// The "Retrieved …" date as `YYYY-MM-DD`, or nil.
    public var retrieved: String?

    /// Creates a reference.
    public init(
        number: Int, id: String?, kind: Kind, text: String, urls: [String] = [], isbns: [String] = [],
        retrieved: String? = nil, label: String? = nil, group: String? = nil
    ) {
        self.number = number
        self.label = label
        self.group = group
        self.id = id
        self.kind = kind
        self.text = text
        self.urls = urls
        self.isbns = isbns
        self.retrieved = retrieved
    }
}

/// An ISBN found in the article, validated and normalised.
public struct ISBN: Codable, Sendable, Equatable {
    /// The ISBN as first written on the page (e.g. "5-264-00505-2").
    public var text: String
    /// The ISBN-13 form (for an invalid ISBN, its 13 digits as written, if it has 13).
    public var isbn13: String?
    /// The ISBN-10 form, where one exists (ISBN-13s starting 979 have none).
    public var isbn10: String?
    /// True when the checksum holds (ISBN-10 mod 11; ISBN-13 mod 10 with prefix 978 or 979).
    public var valid: Bool
    /// Where the ISBN sat, as JSON paths into the article (e.g. "references[2]", "sections[1].blocks[0]").
    public var foundIn: [String]

    /// Creates an ISBN record.
    public init(text: String, isbn13: String?, isbn10: String?, valid: Bool, foundIn: [String] = []) {
        self.text = text
        self.isbn13 = isbn13
        self.isbn10 = isbn10
        self.valid = valid
        self.foundIn = foundIn
    }
}

extension Reference {
    enum CodingKeys: String, CodingKey { case number, label, group, id, kind, text, urls, isbns, retrieved }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(number, forKey: .number)
        try container.encode(label, forKey: .label)
        try container.encode(group, forKey: .group)
        try container.encode(id, forKey: .id)
        try container.encode(kind, forKey: .kind)
        try container.encode(text, forKey: .text)
        try container.encode(urls, forKey: .urls)
        try container.encode(isbns, forKey: .isbns)
        try container.encode(retrieved, forKey: .retrieved)
    }
}

extension ISBN {
    enum CodingKeys: String, CodingKey { case text, isbn13, isbn10, valid, foundIn }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(isbn13, forKey: .isbn13)
        try container.encode(isbn10, forKey: .isbn10)
        try container.encode(valid, forKey: .valid)
        try container.encode(foundIn, forKey: .foundIn)
    }
}
