import EncyclopediaExtractor
import Foundation
import FuzzSupport
import HTMLTree

/// FuzzExtract: arbitrary bytes through parse, extract and every renderer.
public enum ExtractCheck {
    static let extractor = Extractor()
    static let deepExtractor = Extractor(ExtractionOptions(parse: ParseOptions(allowsDeepNesting: true), repairStructure: false))

    public static func check(_ bytes: [UInt8]) throws(InvariantFailure) {
        // Odd-sized inputs also go through the other options, so both paths are explored.
        let extractors = bytes.count % 2 == 1 ? [extractor, deepExtractor] : [extractor]
        for extractor in extractors {
            let article: Article
            do {
                article = try extractor.extractWithReport(html: bytes, url: nil, input: "fuzz").article
            } catch {
                // A typed error is an accepted outcome; it must still describe itself.
                try require(!error.description.isEmpty && !error.code.isEmpty, "an extraction error without code or description: \(error)")
                continue
            }
            try readsBack(article)
            _ = MarkdownRenderer.render(article)
            _ = PlainTextRenderer.render(article)
        }
    }

    /// The article's JSON reads back as the same article.
    static func readsBack(_ article: Article) throws(InvariantFailure) {
        let decoded: Article
        do {
            decoded = try ArticleJSON.decode(ArticleJSON.pretty(article))
            _ = try ArticleJSON.line(article)
        } catch {
            throw InvariantFailure("rendering or reading the article's JSON failed: \(error)")
        }
        try require(decoded == article, "the article's JSON does not read back as the same article")
    }
}
