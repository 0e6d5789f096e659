import Foundation
import Testing

@testable import EncyclopediaExtractor

/// What a page lists once (a paragraph's citations and links, its categories) stays in first-seen
/// order, each once, however long the list grows: past a few values repeats are dropped with a set,
/// which must agree with a scan of the list.
@Suite struct LongListTests {
    @Test func removingRepeatsKeepsEachValueWhereItFirstStands() {
        var generator = SystemRandomNumberGenerator()
        for length in [0, 1, 2, 16, 17, 40, 500] {
            let values = (0..<length).map { _ in "v\(Int.random(in: 0..<max(1, length / 2), using: &generator))" }
            var expected: [String] = []
            for value in values where !expected.contains(value) { expected.append(value) }
            var list = values
            list.removeRepeats()
            #expect(list == expected)
        }
    }

    /// A page with hundreds of citation markers, links and categories, many repeated.
    static func page(count: Int) -> String {
        var paragraph = "The old mill stood by the river for a long time, and the village grew around it."
        for index in 0..<count {
            let note = index % (count / 3)
            paragraph += " Claim \(index).<sup id=\"cite_ref-\(index)\" class=\"reference\"><a href=\"#cite_note-\(note)\">[\(note + 1)]</a></sup>"
            paragraph += " <a href=\"https://example.org/source/\(index % (count / 2))\">source</a>"
        }
        let notes = (0..<(count / 3)).map { "<li id=\"cite_note-\($0)\">Note \($0).</li>" }.joined()
        let categories = (0..<count).map { "<li><a href=\"/wiki/Category:Topic_\($0 % (count / 4))\">Topic \($0 % (count / 4))</a></li>" }.joined()
        return """
            <html><head><title>Mill | World Heritage Encyclopedia</title></head><body>
            <h1 id="firstHeading">Mill</h1><div id="mw-content-text"><p>\(paragraph)</p>
            <h2>References</h2><ol class="references">\(notes)</ol></div>
            <div id="catlinks" class="catlinks"><a href="/wiki/Special:Categories">Categories</a>: <ul>\(categories)</ul></div>
            </body></html>
            """
    }

    @Test func longListsOfCitationsLinksAndCategoriesAreEachOnceInOrder() throws {
        let count = 600
        let article = try Extractor().extract(html: Data(Self.page(count: count).utf8), input: "long-lists.html")
        let paragraph = try #require(article.lead.first)
        guard case let .paragraph(_, cites, markers) = paragraph else {
            Issue.record("the lead is not a paragraph: \(paragraph)")
            return
        }
        #expect(cites == (0..<(count / 3)).map { "cite_note-\($0)" })
        #expect(markers.count == count)
        #expect(article.categories == (0..<(count / 4)).map { "Topic \($0)" })
    }
}
