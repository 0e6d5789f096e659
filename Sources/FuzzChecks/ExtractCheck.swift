import EncyclopediaExtractor
import Foundation
import FuzzSupport
import HTMLTree

/// FuzzExtract: arbitrary bytes through parse, extract and every renderer.
public enum ExtractCheck {
    static let extractor = Extractor()
    static let deepExtractor = Extractor(ExtractionOptions(parse: ParseOptions(allowsDeepNesting: true), repairStructure: false))

    public static func check(_ bytes: [UInt8]) throws(InvariantFailure) {
        // One input in eight also goes through the other options (deep nesting allowed, no structure
        // repair), so both paths are explored; one in eight has its JSON decoded back into an article
        // (the costliest check: Codable through Foundation), the rest have their two JSON renderings
        // compared token by token; one in eight is extracted with its removals recorded (what `encx
        // inspect` shows), the rest as a batch conversion extracts. (Together they more than halved the
        // time of a run.)
        let extractors = bytes.count % 8 == 1 ? [extractor, deepExtractor] : [extractor]
        for extractor in extractors {
            let article: Article
            do {
                article = bytes.count % 8 == 2
                    ? try extractor.extractWithReport(html: bytes, url: nil, input: "fuzz").article
                    : try extractor.extract(html: bytes, url: nil, input: "fuzz")
            } catch {
                // A typed error is an accepted outcome; it must still describe itself.
                try require(!error.description.isEmpty && !error.code.rawValue.isEmpty, "an extraction error without code or description: \(error)")
                continue
            }
            if bytes.count % 8 == 0 { try readsBack(article) } else { try rendersAlike(article) }
            _ = MarkdownRenderer.render(article)
            _ = PlainTextRenderer.render(article)
        }
    }

    /// The article's JSON reads back as the same article.
    static func readsBack(_ article: Article) throws(InvariantFailure) {
        let decoded: Article
        do {
            decoded = try ArticleJSON.decode(ArticleJSON.pretty(article))
        } catch {
            throw InvariantFailure("rendering or reading the article's JSON failed: \(error)")
        }
        try require(decoded == article, "the article's JSON does not read back as the same article")
    }

    /// The pretty and the one-line JSON are the same tokens: the pretty one without the whitespace
    /// between tokens is the one-line one, byte for byte.
    static func rendersAlike(_ article: Article) throws(InvariantFailure) {
        let pretty: Data
        let line: Data
        do {
            pretty = try ArticleJSON.pretty(article)
            line = try ArticleJSON.line(article)
        } catch {
            throw InvariantFailure("rendering the article's JSON failed: \(error)")
        }
        var tokens: [UInt8] = []
        tokens.reserveCapacity(line.count)
        var inString = false
        var escaped = false
        pretty.withUnsafeBytes { pretty in
            for byte in pretty {
                if inString {
                    if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                } else if byte == UInt8(ascii: "\"") {
                    inString = true
                } else if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                    continue
                }
                tokens.append(byte)
            }
        }
        try require(line.withUnsafeBytes { tokens.elementsEqual($0) }, "the pretty and the one-line JSON of the article differ beyond whitespace")
    }
}
