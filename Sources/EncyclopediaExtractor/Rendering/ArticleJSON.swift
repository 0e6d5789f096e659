import Foundation

/// Deterministic JSON for articles: sorted keys, no escaped slashes, the same bytes for the same article.
public enum ArticleJSON {
    /// Pretty-printed JSON (two-space indents, one key per line), ending in a newline.
    public static func pretty(_ article: Article) throws -> Data {
        var writer = JSONWriter(pretty: true)
        writer.write(article)
        return writer.takeData(endingWithNewline: true)
    }

    /// One line of JSON (for JSON Lines), without the newline unless asked; `members` (name and compact
    /// JSON value) join the article's own keys in sorted order, e.g. the `input` and `warc` of `encx`'s
    /// JSON Lines.
    public static func line(_ article: Article, adding members: [(name: String, json: [UInt8])] = [],
                            endingWithNewline newline: Bool = false) throws -> Data
    {
        var writer = JSONWriter(pretty: false)
        writer.write(article, adding: members)
        return writer.takeData(endingWithNewline: newline)
    }

    /// A string as a JSON value (quoted and escaped), for the members of ``line(_:adding:endingWithNewline:)``.
    public static func quoted(_ string: String) -> [UInt8] {
        var writer = JSONWriter(pretty: false, capacity: string.utf8.count + 2)
        writer.string(string)
        return writer.bytes
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
