import Foundation
import Testing
@testable import HTMLTree

private let sample = """
    <html lang="en"><head><title>Sample</title><script>var s = "<p>not text</p>";</script></head>
    <body><div id="main" class="content  article">
    <h1>Title&nbsp;here</h1>
    <p>First   line
    continues &amp; ends.<!-- hidden --></p>
    <p>Second<br>line</p>
    <ul><li>a</li><li>b</li></ul>
    <div class="chrome">Email this Article</div>
    </div></body></html>
    """

@Suite struct NodeTests {
    let document: Document

    init() throws {
        document = try Document(bytes: Array(sample.utf8), input: "sample.html")
    }

    @Test func namesAttributesAndClasses() throws {
        let main = try #require(try document.select("//div[@id='main']").first)
        #expect(main.name == "div")
        #expect(main.isElement(named: "div"))
        #expect(!main.isElement(named: "di"))
        #expect(main.attribute("id") == "main")
        #expect(main.attribute("missing") == nil)
        #expect(main.attributes.map(\.name) == ["id", "class"])
        #expect(main.hasClass("article"))
        #expect(!main.hasClass("art"))
    }

    /// A class set matches whole words of the attribute, split at any ASCII whitespace, in exact case.
    @Test(arguments: [
        ("noprint", true), ("a\tnoprint\nb", true), ("x  sortkey", true), ("noprints", false),
        ("NoPrint", false), ("no print", false), ("", false),
    ])
    func classSetsMatchWholeWords(classes: String, expected: Bool) throws {
        let page = try Document(bytes: Array("<p class=\"\(classes)\">x</p>".utf8), input: "classes.html")
        let paragraph = try #require(page.root?.descendants.first { $0.isElement(named: "p") })
        #expect(paragraph.hasClass(in: ClassNames(["noprint", "sortkey"])) == expected)
    }

    @Test func navigation() throws {
        let main = try #require(try document.select("//div[@id='main']").first)
        let elements = main.childElements
        #expect(elements.map(\.name) == ["h1", "p", "p", "ul", "div"])
        #expect(elements[1].parent == main)
        #expect(elements[0].nextSibling?.kind == .text)
        #expect(main.firstChild?.kind == .text)
        #expect(main.descendants.filter { $0.isElement(named: "li") }.map(\.text) == ["a", "b"])
        #expect(elements[0].depth == 3)
        #expect(document.root?.name == "html")
        #expect(document.root?.parent == nil)
    }

    @Test func textIsNormalised() throws {
        let paragraphs = try document.select("//p").map(\.text)
        #expect(paragraphs == ["First line continues & ends.", "Second line"])
        #expect(try document.select("//h1").first?.text == "Title here")
        #expect(document.root?.text.contains("not text") == false)
        #expect(try document.select("//p").first?.rawText.contains("\n") == true)
    }

    @Test func removalTakesTheSubtreeOutAndKeepsItReadable() throws {
        let chrome = try #require(try document.select("//div[@class='chrome']").first)
        chrome.remove()
        #expect(try document.select("//div[@class='chrome']").isEmpty)
        #expect(chrome.text == "Email this Article")
        #expect(document.root?.text.contains("Email this Article") == false)
        chrome.remove()
    }

    @Test func badXPathNamesTheExpression() {
        #expect {
            _ = try document.select("//div[@id=")
        } throws: { error in
            guard let error = error as? XPathError else { return false }
            return error.expression == "//div[@id=" && error.description.contains("//div[@id=")
        }
        #expect(throws: XPathError.self) { _ = try document.select("count(//p)") }
    }

    @Test func relativeXPathFromANode() throws {
        let list = try #require(try document.select("//ul").first)
        #expect(try list.select("li").map(\.text) == ["a", "b"])
        #expect(try list.select("./li[2]").map(\.text) == ["b"])
    }

    @Test func nodesKeepTheirDocumentAlive() throws {
        func firstParagraph() throws -> Node? {
            let local = try Document(bytes: Array("<p>kept alive</p>".utf8))
            return try local.select("//p").first
        }
        let orphan = try #require(try firstParagraph())
        #expect(orphan.text == "kept alive")
    }
}

@Suite struct ConcurrencyTests {
    @Test func twoHundredDocumentsParsedConcurrentlyGiveIdenticalResults() async throws {
        let pages: [[UInt8]] = (0..<8).map { variant in
            Array(("<html><head><meta charset=utf-8></head><body><h1>Page \(variant)</h1>"
                + (0..<50).map { "<p>Paragraph \($0) of page \(variant) – “quoted”</p>" }.joined()
                + "</body></html>").utf8)
        }
        func summary(_ bytes: [UInt8]) throws -> String {
            let document = try Document(bytes: bytes)
            return try document.select("//p | //h1").map(\.text).joined(separator: "|")
        }
        let expected = try pages.map(summary)
        let results = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for index in 0..<200 {
                group.addTask { (index, try summary(pages[index % pages.count])) }
            }
            var collected: [(Int, String)] = []
            for try await result in group { collected.append(result) }
            return collected
        }
        #expect(results.count == 200)
        for (index, text) in results {
            #expect(text == expected[index % pages.count])
        }
    }
}

@Suite struct TextMeasureTests {
    /// The length counted on bytes (eight at a time where it can) is the length of the text gathered,
    /// over random runs of letters, whitespace, no-break spaces, multi-byte characters, breaks and
    /// several text nodes.
    @Test func textLengthIsTheLengthOfTheText() throws {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "word", " ", "  ", "\t", "\n", "\r\n", "é", "東京", "\u{00A0}", " \u{00A0} ", "<br>", "<b>bold</b>", "<i> </i>",
                      "&nbsp;", "x\u{0301}", "𝄞"]
        for _ in 0..<300 {
            let body = (0..<Int.random(in: 0...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let document = try Document(bytes: Array("<html><body><p id=x>\(body)</p></body></html>".utf8))
            let paragraph = try #require(try document.select("//p[@id='x']").first)
            #expect(paragraph.textLength == paragraph.text.unicodeScalars.count, "\(body.debugDescription)")
            var buffer = TextBuffer()
            buffer.append(textOf: paragraph)
            #expect(buffer.take() == paragraph.text)
        }
    }
}

@Suite struct TextBufferTests {
    /// Pieces appended one after another, with word breaks between some, give their words joined by
    /// single spaces: the same as splitting the whole at whitespace (ASCII and no-break) and joining.
    @Test func collapsesLikeSplittingAndJoining() {
        var generator = SystemRandomNumberGenerator()
        let parts = ["a", "bc", "déf", " ", "  ", "\t", "\n", "\u{00A0}", "x y", "long words here and there", " lead", "trail ", "£5"]
        for _ in 0..<500 {
            var buffer = TextBuffer()
            var whole = ""
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                if Int.random(in: 0..<5, using: &generator) == 0 {
                    buffer.appendSpace()
                    whole += " "
                    continue
                }
                let piece = (0..<Int.random(in: 1...4, using: &generator)).map { _ in parts.randomElement(using: &generator)! }.joined()
                buffer.append(piece)
                whole += piece
            }
            let expected = whole.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\u{00A0}" || $0 == "\r\n" })
                .joined(separator: " ")
            #expect(buffer.take() == expected, "\(whole.debugDescription)")
        }
    }
}

@Suite struct WordTests {
    /// The sixteen-bytes-at-a-time whitespace test agrees with the byte test for every byte value, in
    /// every lane, beside every other value.
    @Test func vectorWhitespaceAgreesWithTheByteTest() {
        for value in 0...255 {
            for neighbour in [0x00, 0x20, 0x41, 0x7F, 0x80, 0xC2, 0xFF] {
                for place in 0..<16 {
                    var bytes = [UInt8](repeating: UInt8(neighbour), count: 16)
                    bytes[place] = UInt8(value)
                    let spaces = bytes.withUnsafeBufferPointer { ByteVector.whitespace(ByteVector.load($0.baseAddress!)) }
                    for index in 0..<16 {
                        #expect(spaces[index] == TextBuffer.isSpace(bytes[index]), "\(bytes)")
                    }
                }
            }
        }
    }
}
