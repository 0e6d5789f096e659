import EncyclopediaExtractor
import Foundation
import HTMLTree
import Testing

/// The large hostile inputs of `Fixtures/README.md` ("Generated hostile inputs"): built in memory
/// here rather than committed, each with its expected outcome. The small ones are fixtures under
/// `Fixtures/hostile/`, checked by the golden tests.
@Suite struct HostileInputTests {
    /// A World Library–style frame around `body`, with a lead paragraph long enough to be found.
    static func page(head: String = "", body: String, before: String = "") -> [UInt8] {
        let html = """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>Hostile | World Library - eBooks | Read eBooks online</title>\(head)</head>
            <body>\(before)<div class="menu"><a href="/">Home</a> <a href="/c">Collections</a></div>
            <div id="content"><h1>Hostile</h1>
            <p>The lead paragraph of a hostile page, long enough to count as prose for the body finder.</p>
            \(body)
            </div>
            <div class="license"><p>This article was sourced from <a href="http://creativecommons.org/licenses/by-sa/3.0/">Creative Commons Attribution-ShareAlike License</a>; additional terms may apply. World Library content is assembled from numerous content providers.</p></div>
            </body></html>
            """
        return Array(html.utf8)
    }

    static func extract(_ bytes: [UInt8], _ options: ExtractionOptions = ExtractionOptions()) throws(ExtractionError) -> Article {
        try Extractor(options).extractWithReport(html: bytes, url: nil, input: "hostile.html").article
    }

    @Test func fiftyThousandNestedDivsAreCutAndReported() throws {
        let depth = 50_000
        let nested = String(repeating: "<div>", count: depth) + "<p>Deep inside the nesting there is a sentence.</p>"
            + String(repeating: "</div>", count: depth)
        let bytes = Self.page(body: nested)
        let article = try Self.extract(bytes)
        #expect(article.title == "Hostile")
        #expect(article.lead.count >= 1)
        #expect(article.warnings.map(\.code).contains("parse-truncated"))

        // With deep nesting allowed the whole tree is built, and walked without recursion.
        let deep = try Self.extract(bytes, ExtractionOptions(parse: ParseOptions(allowsDeepNesting: true)))
        #expect(!deep.warnings.map(\.code).contains("parse-truncated"))
        let text = deep.lead.map { "\($0)" }.joined()
        #expect(text.contains("Deep inside the nesting"))
    }

    @Test func aOneMegabyteAttributeStaysOutOfTheText() throws {
        let value = String(repeating: "x", count: 1 << 20)
        let bytes = Self.page(body: "<p title=\"\(value)\">A paragraph carrying an enormous attribute, which is not text.</p>")
        let article = try Self.extract(bytes)
        let json = String(decoding: try ArticleJSON.line(article), as: UTF8.self)
        #expect(json.contains("carrying an enormous attribute"))
        #expect(!json.contains("xxxxxxxxxx"))
    }

    @Test func aTwoHundredMegabytePageIsRefusedBeforeParsing() throws {
        var bytes = Self.page(body: "")
        bytes += [UInt8](repeating: UInt8(ascii: " "), count: 200 << 20)
        do {
            _ = try Self.extract(bytes)
            Issue.record("a 200 MB page was accepted")
        } catch {
            #expect(error.code == "input-too-large")
            #expect(error.description.contains("hostile.html"))
        }
    }

    @Test func aTenMegabyteScriptIsDropped() throws {
        let script = "<script>var a = \"" + String(repeating: "<p>not text</p>", count: (10 << 20) / 15) + "\";</script>"
        let article = try Self.extract(Self.page(head: script, body: "<script>" + String(repeating: "x = 1;", count: 1 << 20) + "</script><p>Text after the script is still read by the extractor.</p>"))
        let json = String(decoding: try ArticleJSON.line(article), as: UTF8.self)
        #expect(json.contains("Text after the script"))
        #expect(!json.contains("not text"))
        #expect(!json.contains("x = 1;"))
        // libxml2's own tree would halt on a text node over 10,000,000 bytes; encx's tree has no such cap.
        #expect(!article.warnings.map(\.code).contains("parse-truncated"))
    }

    @Test func aHundredThousandISBNLikeRunsAreBounded() throws {
        var paragraphs: [String] = []
        paragraphs.reserveCapacity(1000)
        var run = 0
        for _ in 0..<1000 {
            var line = "<p>Numbers:"
            for _ in 0..<100 {
                run += 1
                // Half cued by "ISBN", half bare digit runs that look like ISBNs.
                let digits = String(format: "%09d", run * 7919 % 1_000_000_000)
                line += run % 2 == 0 ? " ISBN \(digits)X," : " \(digits)5-\(run),"
            }
            paragraphs.append(line + "</p>")
        }
        #expect(run == 100_000)
        let article = try Self.extract(Self.page(body: paragraphs.joined(separator: "\n")))
        #expect(article.isbns.count <= Article.maximumISBNs)
        #expect(article.isbns.count == Article.maximumISBNs, "50,000 cued runs fill the cap")
        #expect(article.warnings.map(\.code).contains("isbn-limit"))
        #expect(article.warnings.filter { $0.code == "isbn-invalid" }.count <= Article.maximumISBNs)
    }

    @Test func aTableOfContentsWithTenThousandEntries() throws {
        let count = 10_000
        var toc = "<div id=\"toc\" class=\"toc\"><div id=\"toctitle\"><h2>Contents</h2></div><ul>"
        var body = ""
        for index in 1...count {
            toc += "<li class=\"toclevel-1\"><a href=\"#S\(index)\"><span class=\"tocnumber\">\(index)</span> <span class=\"toctext\">Part \(index)</span></a></li>"
            body += "<h2><span class=\"mw-headline\" id=\"S\(index)\">Part \(index)</span></h2><p>Section \(index) has a sentence of its own.</p>\n"
        }
        toc += "</ul></div>"
        let article = try Self.extract(Self.page(body: toc + body))
        #expect(article.tableOfContents.count == count)
        #expect(article.sections.count == count)
        #expect(article.sections.last?.title == "Part \(count)")
        #expect(!article.warnings.map(\.code).contains("toc-mismatch"))
    }

    @Test func aFileOverTheLimitIsRefusedBeforeItIsRead() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("big-\(UUID().uuidString).html")
        try Data(Self.page(body: "<p>" + String(repeating: "word ", count: 2000) + "</p>")).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try Extractor.readPage(at: url, name: "big.html", limit: 1000)
            Issue.record("a file over the limit was read")
        } catch {
            #expect(error.code == "input-too-large")
            #expect(error.description.contains("big.html"))
        }
        #expect(try Extractor.readPage(at: url).count > 10_000)
        do {
            _ = try Extractor.readPage(at: url.appendingPathExtension("missing"), name: "missing.html")
            Issue.record("a missing file was read")
        } catch {
            #expect(error.code == "unreadable")
            #expect(error.description == "missing.html: cannot read the file (No such file or directory)")
        }
    }

    @Test func anExhaustedTimeLimitIsATypedError() throws {
        let options = ExtractionOptions(timeLimit: .nanoseconds(1))
        do {
            _ = try Self.extract(Self.page(body: "<p>Any page at all takes longer than a nanosecond to read.</p>"), options)
            Issue.record("a 1 ns time limit was not enforced")
        } catch {
            #expect(error.code == "time-limit")
            #expect(error.description.contains("hostile.html"))
        }
        // No limit at all is allowed too.
        #expect(try Self.extract(Self.page(body: ""), ExtractionOptions(timeLimit: nil)).title == "Hostile")
    }
}
