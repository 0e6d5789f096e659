import Foundation

/// Deterministic JSON for articles: sorted keys, no escaped slashes, the same bytes for the same article.
public enum ArticleJSON {
    /// Pretty-printed JSON (two-space indents, one key per line), ending in a newline.
    public static func pretty(_ article: Article) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(article)
        data.append(0x0A)
        return data
    }

    /// One line of JSON (for JSON Lines), without the newline.
    public static func line(_ article: Article) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(article)
    }

    /// Pretty-printed JSON as a string.
    public static func string(_ article: Article) throws -> String {
        String(decoding: try pretty(article), as: UTF8.self)
    }

    /// Reads an article back.
    public static func decode(_ data: Data) throws -> Article {
        try JSONDecoder().decode(Article.self, from: data)
    }
}
