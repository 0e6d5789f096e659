import Foundation

/// Deterministic JSON for articles: sorted keys, no escaped slashes, the same bytes for the same article.
public enum ArticleJSON {
    /// Pretty-printed JSON (two-space indents, one key per line), ending in a newline.
    public static func pretty(_ article: Article) throws -> Data {
        var writer = JSONWriter(pretty: true)
        writer.write(article)
        return Data(writer.bytes) + Data([0x0A])
    }

    /// One line of JSON (for JSON Lines), without the newline.
    public static func line(_ article: Article) throws -> Data {
        Data(lineBytes(article))
    }

    /// One line of JSON as bytes, without the newline; `members` (name and compact JSON value) join the
    /// article's own keys in sorted order, e.g. the `input` and `warc` of `encx`'s JSON Lines.
    public static func lineBytes(_ article: Article, adding members: [(name: String, json: [UInt8])] = []) -> [UInt8] {
        var writer = JSONWriter(pretty: false)
        writer.write(article, adding: members)
        return writer.bytes
    }

    /// A string as a JSON value (quoted and escaped), for ``lineBytes(_:adding:)``.
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
