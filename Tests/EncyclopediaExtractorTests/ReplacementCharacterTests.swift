import Foundation
import Testing

@testable import EncyclopediaExtractor

/// A page saved after some of its characters were lost shows U+FFFD in its text; the article says how
/// many of them reached its text, and nothing when they stand only in what is not the article.
@Suite struct ReplacementCharacterTests {
    static func page(body: String, script: String = "") -> Data {
        Data("""
            <html><head><meta charset="utf-8"><title>Mill | World Heritage Encyclopedia</title>
            <script>var label = "\(script)";</script></head><body>
            <h1 id="firstHeading">Mill</h1><div id="mw-content-text">\(body)</div>
            <div id="footer">Retrieved from the World Heritage Encyclopedia</div>
            </body></html>
            """.utf8)
    }

    static func warnings(_ html: Data) throws -> [Warning] {
        try Extractor().extract(html: html, input: "lost.html").warnings.filter { $0.code == .replacementCharacters }
    }

    @Test func lostCharactersInTheArticleAreCounted() throws {
        let body = """
            <p>The K\u{FFFD}se market stood by the river \u{FFFD} and the village grew around it.</p>
            <h2>History</h2><ul><li>The Proven\u{FFFD}al miller</li></ul>
            """
        let found = try Self.warnings(Self.page(body: body))
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("3 character(s) of the article's text are U+FFFD") == true)
        #expect(found.first?.message.contains("already lost") == true)
    }

    @Test func lostCharactersOutsideTheArticleAreNoWarning() throws {
        let body = "<p>The old mill stood by the river for a long time, and the village grew around it.</p>"
        #expect(try Self.warnings(Self.page(body: body, script: "More\u{FFFD}")).isEmpty)
        #expect(try Self.warnings(Self.page(body: body)).isEmpty)
    }

    /// Invalid bytes replaced while decoding reach the text as U+FFFD too; the message names both causes.
    @Test func replacedBytesAreCountedWithTheRepair() throws {
        var html = Self.page(body: "<p>The old mill stood by the river for a long time, and the village grew around it.</p>")
        let marker = Data("old mill".utf8)
        let range = try #require(html.range(of: marker))
        html.replaceSubrange(range, with: Data("old ".utf8) + Data([0xFF]) + Data("mill".utf8))
        let article = try Extractor().extract(html: html, input: "lost.html")
        #expect(article.warnings.map(\.code).contains(.encodingRepaired))
        let found = article.warnings.filter { $0.code == .replacementCharacters }
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("1 character(s)") == true)
        #expect(found.first?.message.contains("encoding-repaired") == true)
    }
}
