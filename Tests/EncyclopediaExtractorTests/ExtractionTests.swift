import ArticleDiff
import EncyclopediaExtractor
import Foundation
import Testing

private func extract(_ html: String) throws -> Article {
    try Extractor().extract(html: Data(html.utf8), input: "test.html")
}

/// Every text of an article except its licence attribution (which is where licence sentences belong).
private func articleTexts(_ article: Article) throws -> String {
    var copy = article
    copy.license = nil
    copy.warnings = []
    copy.source = Source(url: nil, site: nil, encoding: "")
    return String(decoding: try ArticleJSON.pretty(copy), as: UTF8.self)
}

private func page(toc: String, body: String, site: String = "World Library") -> String {
    """
    <html><head><title>Sample | \(site) - eBooks | Read eBooks online</title></head><body>
    <div class="menu"><a href="/">Home</a> <a href="/c">Collections</a> <a href="/l">Login</a></div>
    <div id="content"><div class="tools"><a href="#">Flag as Inappropriate</a> | <a href="#">Email this Article</a></div>
    <h1>Sample</h1>
    <p>The lead paragraph of the sample article, long enough to count as prose for the body finder.</p>
    \(toc)
    \(body)
    </div>
    <div class="license"><p>This article was sourced from <a href="http://creativecommons.org/licenses/by-sa/3.0/">Creative Commons Attribution-ShareAlike License</a>; additional terms may apply. \(site) content is assembled from numerous content providers.</p></div>
    <div class="footer">Copyright © World Library Foundation. All rights reserved.</div>
    </body></html>
    """
}

@Suite struct TOCTests {
    @Test(arguments: [true, false])
    func tocIsReadInBothOrders(numberFirst: Bool) throws {
        func entry(_ number: String, _ title: String, _ level: Int) -> String {
            let numberSpan = "<span class=\"tocnumber\">\(number)</span>"
            let textSpan = "<span class=\"toctext\">\(title)</span>"
            let anchor = title.replacingOccurrences(of: " ", with: "_")
            return "<li class=\"toclevel-\(level)\"><a href=\"#\(anchor)\">\(numberFirst ? numberSpan + " " + textSpan : textSpan + " " + numberSpan)</a>"
        }
        let toc = "<div id=\"toc\" class=\"toc\"><h2>Contents</h2><ul>" + entry("1", "Origins", 1) + "<ul>" + entry("1.1", "Early years", 2)
            + "</li></ul></li>" + entry("2", "Legacy", 1) + "</li></ul></div>"
        let body = "<h2><span class=\"mw-headline\" id=\"Origins\">Origins</span></h2><p>Origins text that is long enough to vote for the body.</p>"
            + "<h3><span class=\"mw-headline\" id=\"Early_years\">Early years</span></h3><p>Early years text.</p>"
            + "<h2><span class=\"mw-headline\" id=\"Legacy\">Legacy</span></h2><p>Legacy text.</p>"
        let article = try extract(page(toc: toc, body: body))
        #expect(article.tableOfContents == [
            TOCEntry(number: "1", title: "Origins", level: 1, anchor: "Origins"),
            TOCEntry(number: "1.1", title: "Early years", level: 2, anchor: "Early_years"),
            TOCEntry(number: "2", title: "Legacy", level: 1, anchor: "Legacy"),
        ])
        #expect(article.sections.map(\.title) == ["Origins", "Legacy"])
        #expect(article.sections[0].sections.map(\.title) == ["Early years"])
        #expect(article.warnings.isEmpty, "\(article.warnings)")
    }

    @Test func tocWithoutSpansIsSplitIntoNumberAndTitle() throws {
        let toc = "<table id=\"toc\"><tr><td><ul><li><a href=\"#A\">History 1</a></li><li><a href=\"#B\">2 Later life</a></li></ul></td></tr></table>"
        let article = try extract(page(toc: toc, body: "<h2>History</h2><p>x</p><h2>Later life</h2><p>y</p>"))
        #expect(article.tableOfContents.map(\.number) == ["1", "2"])
        #expect(article.tableOfContents.map(\.title) == ["History", "Later life"])
    }

    @Test func mismatchesAreWarned() throws {
        let toc = "<div id=\"toc\"><ul><li><a href=\"#A\"><span class=\"tocnumber\">1</span> <span class=\"toctext\">Alpha</span></a></li>"
            + "<li><a href=\"#B\"><span class=\"tocnumber\">2</span> <span class=\"toctext\">Beta</span></a></li>"
            + "<li><a href=\"#G\"><span class=\"tocnumber\">3</span> <span class=\"toctext\">Gamma</span></a></li></ul></div>"
        let body = "<h2>Gamma</h2><p>g</p><h2>Beta</h2><p>b</p><h2>Delta</h2><p>d</p>"
        let article = try extract(page(toc: toc, body: body))
        let codes = article.warnings.map(\.code)
        #expect(codes.filter { $0 == "toc-heading-missing" }.count == 1)
        #expect(codes.contains("heading-not-in-toc"))
        #expect(codes.contains("section-order"))
        #expect(!codes.contains("section-restored"), "no content between the TOC and the first heading")
        #expect(article.sections.map(\.title) == ["Gamma", "Beta", "Delta"], "the body's order is kept")
    }
}

@Suite struct RemovalTests {
    @Test func chromeAndLicenceNeverReachTheArticle() throws {
        let article = try extract(page(toc: "", body: "<h2>Part</h2><p>Body text of the part, with a <a href=\"http://example.org/x\">link</a>.</p>"))
        let text = try articleTexts(article)
        for phrase in ["Flag as Inappropriate", "Email this Article", "Login", "Collections", "sourced from", "Copyright ©", "content is assembled"] {
            #expect(!text.contains(phrase), "\(phrase) leaked")
        }
        #expect(article.license?.name == "CC BY-SA 3.0")
        #expect(article.license?.url == "http://creativecommons.org/licenses/by-sa/3.0/")
        #expect(article.license?.attribution.hasPrefix("This article was sourced from") == true)
        #expect(article.source.site == "World Library")
        #expect(article.lead.count == 1)
        #expect(article.sections.first?.blocks == [.paragraph(text: "Body text of the part, with a link.", cites: [])])
    }

    @Test(arguments: ["World Heritage Encyclopedia", "Project Gutenberg Self-Publishing Press", "eBook Library"])
    func sisterSitesAreRecognisedAndTheirLicenceRemoved(site: String) throws {
        let article = try extract(page(toc: "", body: "<h2>Part</h2><p>Body.</p>", site: site))
        #expect(article.source.site == site)
        #expect(article.license?.attribution.contains(site) == true)
        #expect(!(try articleTexts(article)).contains("numerous content providers"))
    }

    /// A licence line that opens with a disclosure of affiliate links (as every Fandom page's does) gives
    /// the licence without it; a sentence that attributes the text before the licence stays.
    @Test(arguments: [
        ("*Disclosure: Some of the links above are affiliate links, meaning Fandom earns a commission if you buy. ",
         ""),
        ("This article is copied from Wikipedia. ", "This article is copied from Wikipedia. "),
    ])
    func aDisclosureBeforeTheLicenceIsNoPartOfIt(opening: String, kept: String) throws {
        let html = """
            <html><head><title>Mill | Mills Wiki | Fandom</title></head><body>
            <h1 id="firstHeading">Mill</h1><div id="mw-content-text"><p>The old mill stood by the river for a long time.</p></div>
            <div class="license-description">\(opening)Community content is available under
            <a href="https://www.fandom.com/licensing">CC-BY-SA</a> unless otherwise noted.</div>
            </body></html>
            """
        let article = try Extractor().extract(html: Data(html.utf8), input: "fandom.html")
        #expect(article.license?.attribution == kept + "Community content is available under CC-BY-SA unless otherwise noted.")
        #expect(article.license?.name == "CC BY-SA")
    }

    /// The Hebrew Wikipedia's image toggle labels its box with a button ("click to shrink back"): no
    /// infobox field, while the image and the fields around it stay.
    @Test func anImageToggleButtonIsNoInfoboxField() throws {
        let html = """
            <html lang="he"><head><title>Mill</title></head><body>
            <h1 id="firstHeading">Mill</h1><div id="mw-content-text">
            <table class="infobox"><tr><th>Built</th><td>1802</td></tr>
            <tr><td colspan="2"><div class="img_toggle center"><div class="imgtogglebox">
            <p><span class="imgtoggleboxTitle">Click to shrink back</span></p>
            <figure><img src="mill.jpg"><figcaption>The mill from the river</figcaption></figure></div></div></td></tr>
            <tr><th>Owner</th><td>The parish</td></tr></table>
            <p>The old mill stood by the river for a long time, and the village grew around it.</p></div></body></html>
            """
        let article = try extract(html)
        let values = article.infobox.map(\.value)
        #expect(!values.contains { $0.contains("Click to shrink back") }, "\(values)")
        #expect(values.contains("1802") && values.contains("The parish"))
        #expect(values.contains { $0.contains("The mill from the river") })
    }

    /// A list of links set out in columns (a table or box of lists, as Polish and English Wikipedia lay
    /// out winners and discographies) is content inside the sections; a box of bare links is not, nor
    /// are columns of lists above the first heading (menus).
    @Test func listsSetOutInColumnsAreContentInsideTheSections() throws {
        func item(_ year: Int) -> String {
            "<li>\(year) <a href=\"/wiki/Rider_\(year)\">Rider \(year)</a> <a href=\"/wiki/Land_\(year)\">Land</a></li>"
        }
        let columns = (0..<2).map { column in
            "<td><ul>" + (0..<6).map { item(2000 + column * 6 + $0) }.joined() + "</ul></td>"
        }.joined()
        let bareLinks = (0..<8).map { "<a href=\"/wiki/Other_\($0)\">Other \($0)</a> · " }.joined()
        let html = """
            <html><head><title>Race | World Heritage Encyclopedia</title></head><body>
            <h1 id="firstHeading">Race</h1><div id="mw-content-text">
            <table><tr><td><ul><li><a href="/a">Home</a></li><li><a href="/b">Races</a></li><li><a href="/c">Riders</a></li></ul></td>
            <td><ul><li><a href="/d">Teams</a></li><li><a href="/e">Results</a></li></ul></td></tr></table>
            <p>The race is a one-day cycling race held every spring on the roads of the province.</p>
            <h2>Winners</h2><table width="100%"><tr>\(columns)</tr></table>
            <div class="col-list"><ul>\(item(2020))\(item(2021))\(item(2022))</ul></div>
            <h2>History</h2><p>The race was first held in 1982.</p><table><tr><td>\(bareLinks)</td></tr></table>
            </div></body></html>
            """
        let article = try extract(html)
        let winners = try #require(article.sections.first { $0.title == "Winners" })
        let items = winners.blocks.flatMap { block -> [String] in
            if case let .list(_, items) = block { return items.map(\.text) }
            return []
        }
        #expect(items == (2000..<2012).map { "\($0) Rider \($0) Land" } + (2020...2022).map { "\($0) Rider \($0) Land" })
        let text = try articleTexts(article)
        #expect(!text.contains("Other 3"))
        #expect(!text.contains("Teams"))
    }

    @Test func citationMarkersAndEditLinksLeaveTheProse() throws {
        let body = """
            <h2><span class="editsection">[<a href="/edit">edit</a>]</span> <span class="mw-headline" id="P">Part</span></h2>
            <p>A claim.<sup id="cite_ref-1" class="reference"><a href="#cite_note-1">[1]</a></sup> More.</p>
            <ol class="references"><li id="cite_note-1"><span class="mw-cite-backlink"><a href="#cite_ref-1">^</a></span> <span class="reference-text">Smith, J. (2001). <i>Book</i>. ISBN 0-306-40615-2. Retrieved 4 November 2011.</span></li></ol>
            """
        let article = try extract(page(toc: "", body: body))
        #expect(article.sections.first?.title == "Part")
        #expect(article.sections.first?.blocks.first == .paragraph(text: "A claim. More.", cites: ["cite_note-1"],
                                                               markers: [CitationMarker(id: "cite_note-1", offset: 8)]))
        let note = try #require(article.references.first)
        #expect(note.text == "Smith, J. (2001). Book. ISBN 0-306-40615-2. Retrieved 4 November 2011.")
        #expect(note.retrieved == "2011-11-04")
        #expect(note.isbns == ["9780306406157"])
        #expect(article.isbns.map(\.isbn13) == ["9780306406157"])
    }

    /// Text styled away (any case, spaces anywhere in the declaration) leaves the prose; a style that
    /// only mentions "none" elsewhere does not.
    @Test func textStyledAwayLeavesTheProse() throws {
        let body = """
            <h2><span class="mw-headline" id="P">Part</span></h2>
            <p>Seen<span style="DISPLAY : None">hidden one</span> and<span style="color:red; display:  none ;">hidden two</span> kept<span style="border:none">, shown</span>.</p>
            """
        let article = try extract(page(toc: "", body: body))
        #expect(article.sections.first?.blocks.first == .paragraph(text: "Seen and kept, shown.", cites: [], markers: []))
    }

    @Test func aPageOutsideTheFamilyGetsABestEffortArticleAndAWarning() throws {
        let html = "<html><head><title>Notes</title></head><body><h1>My notes</h1><p>Some text that is not from any encyclopedia site at all.</p></body></html>"
        let article = try extract(html)
        #expect(article.title == "My notes")
        #expect(article.source.site == nil)
        #expect(article.warnings.map(\.code).contains("unrecognised-site"))
        #expect(article.lead.count == 1)
    }

    @Test func prosesInOtherScriptsStays() throws {
        let body = "<h2>Ελληνικά</h2><p>Καλημέρα κόσμε, 你好世界, Привет мир.</p><ul><li>東京</li><li>Москва</li></ul>"
        let article = try extract(page(toc: "", body: body))
        #expect(article.sections.first?.title == "Ελληνικά")
        #expect(article.sections.first?.blocks.first == .paragraph(text: "Καλημέρα κόσμε, 你好世界, Привет мир.", cites: []))
    }
}

@Suite struct SeedPageTests {
    let article: Article

    init() throws {
        article = try Extractor().extract(fileAt: fixturesDirectory.appendingPathComponent("seed-anti-party-group.html"))
    }

    @Test func titleAndTableOfContents() {
        #expect(article.title == "Anti-Party Group")
        #expect(article.tableOfContents.map(\.title) == ["Motives", "Attempted take-over", "Aftermath", "See also", "References", "External links"])
        #expect(article.tableOfContents.map(\.number) == ["1", "2", "3", "4", "5", "6"])
    }

    @Test func warningsForTOCEntriesWithoutHeadings() {
        let missing = article.warnings.filter { $0.code == "toc-heading-missing" }.map(\.message)
        #expect(missing.count == 3)
        for title in ["Motives", "Aftermath", "References"] {
            #expect(missing.contains { $0.contains("\"\(title)\"") })
        }
    }

    @Test func referenceISBNAndLicence() throws {
        let note = try #require(article.references.first { $0.kind == .note })
        #expect(note.retrieved == "2011-11-04")
        let isbn = try #require(article.isbns.first)
        #expect(isbn.isbn13 == "9785264005053")
        #expect(isbn.valid)
        #expect(article.license?.name.hasPrefix("CC BY-SA") == true)
    }

    @Test func noChromeOrLicenceSentenceAnywhere() throws {
        let text = try articleTexts(article)
        for sentence in ["World Library", "Flag as Inappropriate", "Email this Article", "This article was sourced from",
                         "Crowd sourced content", "By using this site", "Copyright ©", "501c(4)", "Related eBooks", "1-888-557-3022",
                         "0-00-000000-0"]
        {
            #expect(!text.contains(sentence), "\(sentence) leaked into the article")
        }
    }
}
