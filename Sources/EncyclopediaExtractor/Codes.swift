/// What a ``Warning`` is about: a stable kebab-case code. The raw value is what the JSON carries.
///
/// A code compares equal to its string literal (`warning.code == "license-missing"`), and a program
/// can switch over the named constants; an unknown code read from JSON is kept as it is.
public struct WarningCode: WireCode {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// A table of contents entry has no heading in the body.
    public static let tocHeadingMissing: WarningCode = "toc-heading-missing"
    /// A heading of the body is not in the table of contents.
    public static let headingNotInTOC: WarningCode = "heading-not-in-toc"
    /// Sections stand in another order than the table of contents gives.
    public static let sectionOrder: WarningCode = "section-order"
    /// A heading the table of contents proves missing was restored.
    public static let sectionRestored: WarningCode = "section-restored"
    /// A notes list sits under a heading that announces links, or the page lost its notes heading.
    public static let misplacedNotes: WarningCode = "misplaced-notes"
    /// A list of references sits under an ordinary heading where the page lost its reference heading.
    public static let misplacedReferences: WarningCode = "misplaced-references"
    /// A links section holds paragraphs of prose.
    public static let misplacedProse: WarningCode = "misplaced-prose"
    /// An ISBN fails its checksum.
    public static let isbnInvalid: WarningCode = "isbn-invalid"
    /// The page holds more distinct ISBNs than an article keeps.
    public static let isbnLimit: WarningCode = "isbn-limit"
    /// A recognised page has no licence.
    public static let licenseMissing: WarningCode = "license-missing"
    /// No known site served the page.
    public static let unrecognisedSite: WarningCode = "unrecognised-site"
    /// The page has no `<h1>`; the title comes from its `<title>`.
    public static let titleFromHead: WarningCode = "title-from-head"
    /// No article text was found.
    public static let emptyArticle: WarningCode = "empty-article"
    /// libxml2 stopped reading the page early.
    public static let parseTruncated: WarningCode = "parse-truncated"
    /// Invalid byte sequences were replaced with U+FFFD.
    public static let encodingRepaired: WarningCode = "encoding-repaired"
    /// The page declares no encoding and is not UTF-8; it was read as windows-1252.
    public static let encodingGuessed: WarningCode = "encoding-guessed"
    /// The page declares a charset nobody knows.
    public static let charsetUnknown: WarningCode = "charset-unknown"
    /// NUL characters were removed.
    public static let nulRemoved: WarningCode = "nul-removed"
    /// The article's text holds U+FFFD, the replacement character: characters lost before the page was
    /// saved (or replaced while it was decoded).
    public static let replacementCharacters: WarningCode = "replacement-characters"

    /// Every code the extractor writes, in the order the README lists them.
    public static let all: [WarningCode] = [
        .tocHeadingMissing, .headingNotInTOC, .sectionOrder, .sectionRestored, .misplacedNotes, .misplacedReferences,
        .misplacedProse, .isbnInvalid, .licenseMissing, .unrecognisedSite, .titleFromHead, .emptyArticle,
        .parseTruncated, .isbnLimit, .encodingRepaired, .encodingGuessed, .charsetUnknown, .nulRemoved,
        .replacementCharacters,
    ]
}

/// Why an input (or a WARC record) could not be converted: a stable kebab-case code, as reports and
/// JSON Lines failure records carry it.
public struct ErrorCode: WireCode {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    // The page itself.
    public static let emptyInput: ErrorCode = "empty-input"
    public static let whitespaceOnly: ErrorCode = "whitespace-only"
    /// PNG, PDF, ZIP, … or text without markup.
    public static let notHTML: ErrorCode = "not-html"
    public static let inputTooLarge: ErrorCode = "input-too-large"
    public static let undecodable: ErrorCode = "undecodable"
    public static let parserFailure: ErrorCode = "parser-failure"
    public static let unreadable: ErrorCode = "unreadable"
    public static let badGzip: ErrorCode = "bad-gzip"
    public static let decompressedTooLarge: ErrorCode = "decompressed-too-large"
    public static let timeLimit: ErrorCode = "time-limit"
    public static let badMHTML: ErrorCode = "bad-mhtml"
    /// The input is a WARC archive of many pages, given where one page was expected.
    public static let warcArchive: ErrorCode = "warc-archive"
    /// A WARC archive on standard input (`encx convert -`): WARC files are read from their path.
    public static let warcOnStandardInput: ErrorCode = "warc-on-stdin"

    // Records of a WARC file.
    /// A record without a valid header or length, or in damaged gzip data.
    public static let warcDamaged: ErrorCode = "warc-damaged"
    /// The file ends inside a record.
    public static let warcTruncated: ErrorCode = "warc-truncated"
    /// A record declares more bytes than the limit.
    public static let warcRecordTooLarge: ErrorCode = "warc-record-too-large"
    /// The HTTP response in a record is malformed (status line, headers, chunks).
    public static let httpDamaged: ErrorCode = "http-damaged"
    /// The HTTP payload's Content-Encoding cannot be decoded.
    public static let httpEncoding: ErrorCode = "http-encoding"

    // Writing the result (`encx convert`).
    /// The article could not be rendered in the output format.
    public static let renderFailed: ErrorCode = "render-failed"
    /// The output file could not be written.
    public static let writeFailed: ErrorCode = "write-failed"
}

/// What ``WarningCode`` and ``ErrorCode`` share: a stable kebab-case string, written to JSON as that
/// string alone, comparable to a string literal, printed as itself.
public protocol WireCode: RawRepresentable<String>, Hashable, Sendable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    init(rawValue: String)
}

extension WireCode {
    public init(stringLiteral value: String) { self.init(rawValue: value) }
    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
