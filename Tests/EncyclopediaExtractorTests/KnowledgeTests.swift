import Foundation
import HTMLTree
import Testing
@testable import EncyclopediaExtractor

/// A saved MediaWiki page around `body`, with `footer` as the footer's licence line.
private func wikiPage(
    language: String = "en", title: String = "Sample - Wikipedia", canonical: String? = "https://en.wikipedia.org/wiki/Sample",
    tagline: String = "From Wikipedia, the free encyclopedia", retrievedFrom: String = "https://en.wikipedia.org/w/index.php?title=Sample&oldid=1",
    chrome: String = "", body: String, footer: String
) -> String {
    let link = canonical.map { "<link rel=\"canonical\" href=\"\($0)\">" } ?? ""
    return """
    <!DOCTYPE html><html lang="\(language)"><head><meta charset="utf-8"><title>\(title)</title>\(link)</head>
    <body><div id="mw-page-base"></div>\(chrome)
    <div id="content" class="mw-body"><h1 id="firstHeading" class="firstHeading">Sample</h1>
    <div id="bodyContent"><div id="siteSub">\(tagline)</div>
    <div id="mw-content-text" class="mw-body-content"><div class="mw-parser-output">
    <p>The sample article's lead paragraph, written long enough to be read as the body's prose by the finder,
    and then some more words, since a saved page's footer lines also vote for where the prose is.</p>
    <p>A second paragraph of the lead: real articles hold far more prose than any footer, and so must the sample.</p>
    \(body)
    </div></div>
    <div class="printfooter">Retrieved from "<a dir="ltr" href="\(retrievedFrom)">\(retrievedFrom)</a>"</div>
    </div></div>
    <div id="footer"><ul id="footer-info"><li id="footer-info-copyright">\(footer)</li></ul></div>
    </body></html>
    """
}

private func extract(_ html: String) throws -> Article {
    try Extractor().extract(html: Data(html.utf8), input: "test.html")
}

private let englishFooter = "Text is available under the <a rel=\"license\" href=\"//creativecommons.org/licenses/by-sa/4.0/\">Creative Commons Attribution-ShareAlike License 4.0</a>; additional terms may apply."

@Suite struct LanguageProfileTests {
    @Test func everyLanguagesTitlesReadAsTheirKindsInThatLanguage() {
        for profile in LanguageProfile.all {
            for (kind, titles) in profile.sectionTitles {
                for title in titles {
                    #expect(LanguageProfile.referenceKind(forTitle: title, language: profile.code) == kind, "\(profile.code): \(title)")
                    // As pages print them: capitalised, with a trailing colon, in a regional variant.
                    let printed = title.prefix(1).uppercased() + title.dropFirst() + ":"
                    #expect(LanguageProfile.referenceKind(forTitle: printed, language: profile.code + "-XX") == kind, "\(printed)")
                }
            }
        }
    }

    @Test func aTitleTwoLanguagesReadApartIsDecidedByThePagesLanguage() {
        #expect(LanguageProfile.referenceKind(forTitle: "参考文献", language: "zh") == .note)
        #expect(LanguageProfile.referenceKind(forTitle: "参考文献", language: "ja") == .bibliography)
        #expect(LanguageProfile.referenceKind(forTitle: "Einzelnachweise", language: nil) == .note)
        #expect(LanguageProfile.referenceKind(forTitle: "Einzelnachweise", language: "en") == .note)
        #expect(LanguageProfile.referenceKind(forTitle: "Early life", language: "en") == nil)
    }

    @Test func phrasesAreWrittenAsTheSearchesCompareThem() {
        for profile in LanguageProfile.all {
            let phrases = profile.sectionTitles.flatMap(\.titles) + profile.licenceSentences + profile.taglines
                + profile.contentsTitles + profile.bookSourcesPages + profile.categoryNamespaces
            for phrase in phrases {
                #expect(phrase == phrase.lowercased(), "\(profile.code): \(phrase) is not lowercase")
                #expect(phrase == phrase.trimmingCharacters(in: .whitespaces), "\(profile.code): \(phrase)")
            }
            // A contents box's title never names a reference section.
            for title in profile.contentsTitles {
                #expect(LanguageProfile.referenceKind(forTitle: title, language: profile.code) == nil, "\(title)")
            }
        }
    }

    /// Where a licence line's first sentence starts (what comes before it may be a disclosure).
    @Test func sentencesStartAfterTheirStop() {
        let text = "One claim. Two. 一。Three? Four"
        for (marker, start) in [("Two", 11), ("一", 16), ("Three", 22), ("Four", 29), ("One", 0)] {
            let offset = text.utf8.count - (text.components(separatedBy: marker).last ?? "").utf8.count - marker.utf8.count
            #expect(Cleaner.sentenceStart(before: offset, in: text) == start, "\(marker)")
        }
    }

    /// A block's text is only searched for licence sentences when one of its text nodes holds an anchor.
    @Test func everyLicenceAndFooterSentenceHoldsAnAnchor() {
        for sentence in Selectors.licenceMarkers + Selectors.footerMarkers {
            #expect(Selectors.boilerplateAnchors.contains { sentence.contains($0) }, "\(sentence)")
        }
    }

    /// Each language's footer sentence is found as the page's licence, capitalised as footers print it.
    @Test(arguments: LanguageProfile.all.map(\.code))
    func everyLanguagesLicenceSentenceIsFound(code: String) throws {
        let profile = try #require(LanguageProfile.all.first { $0.code == code })
        for sentence in profile.licenceSentences {
            // A sentence opening with an ASCII letter is capitalised; the others are given from their
            // second word, after the capital the searches cannot fold.
            let printed = sentence.first?.isASCII == true ? sentence.prefix(1).uppercased() + sentence.dropFirst() : "Текст " + sentence
            let footer = "\(printed) <a href=\"//creativecommons.org/licenses/by-sa/4.0/deed.\(code)\">Creative Commons</a>."
            let article = try extract(wikiPage(language: code, body: "<h2>Section</h2><p>Text of the section.</p>", footer: footer))
            #expect(article.license?.name == "CC BY-SA 4.0", "\(code): \(sentence)")
            #expect(!article.warnings.contains { $0.code == "license-missing" })
        }
    }

    @Test func bookSourcesLinksAreReadInEveryLanguageAndEncoding() {
        #expect(ISBNScanner.bookSourcesISBN(inLink: "/wiki/Special:BookSources/9780306406157") == "9780306406157")
        #expect(ISBNScanner.bookSourcesISBN(inLink: "/wiki/Spezial:ISBN-Suche/3442082056") == "3442082056")
        let hebrew = "/wiki/%D7%9E%D7%99%D7%95%D7%97%D7%93:%D7%9E%D7%A9%D7%90%D7%91%D7%99_%D7%A1%D7%A4%D7%A8%D7%95%D7%AA/978-0-19-955448-5"
        #expect(ISBNScanner.bookSourcesISBN(inLink: hebrew) == "978-0-19-955448-5")
        #expect(ISBNScanner.bookSourcesISBN(inLink: "/wiki/מיוחד:משאבי_ספרות/0521705622") == "0521705622")
        #expect(ISBNScanner.bookSourcesISBN(inLink: "/wiki/Sachbücher/3442082056") == nil)
    }
}

@Suite struct TitleKeyTests {
    /// The key as the definition gives it: lowercased, split into characters at spaces, no-break spaces,
    /// line feeds, tabs and carriage returns, joined by one space, trailing colons and spaces dropped.
    private static func definedKey(_ title: String) -> String {
        var words = title.lowercased().split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" || $0 == "\n" || $0 == "\t" || $0 == "\r" })
            .joined(separator: " ")
        while let last = words.last, last == ":" || last == "：" || last == " " { words.removeLast() }
        return words
    }

    /// ASCII titles and titles whose characters are each one scalar take the byte path, the others the
    /// character path (combining marks, "\r\n", a capital İ that lowers to i and a mark); both
    /// give the defined key.
    @Test(arguments: ["Références :", "Примечания", "הערות שוליים", "参考文献：", "Einzelnachweise\u{00A0}", "  Literatur  und\u{00A0}\u{00A0}Quellen ",
                      "Ελληνικά  ：", "Notes\tand\nréférences", "x\r\ny é", "cafe\u{0301} : ", "İçerik", "Σχόλια :", "ВНЕШНИЕ ССЫЛКИ",
                      "Véase también::", "：", "é", "참고 문헌", "ノート\u{3000}出典", "  See Also : ", "External\tLinks\n:", "NOTES"])
    func titlesGetTheDefinedKey(title: String) {
        #expect(LanguageProfile.titleKey(title) == Self.definedKey(title))
    }
}

@Suite struct LicenceNameTests {
    @Test func theDeedLinkNamesTheLicence() {
        let licence = Cleaner.license(attribution: "הטקסט מוגש בכפוף לרישיון Creative Commons ייחוס-שיתוף זהה 4.0",
                                      links: ["https://creativecommons.org/licenses/by-sa/4.0/deed.he"], isFamily: false)
        #expect(licence?.name == "CC BY-SA 4.0")
    }

    /// The deed link's parts, read on its bytes when it is ASCII and by characters otherwise: a
    /// protocol-relative link, doubled slashes, a link beyond ASCII, and one with nothing after
    /// "/licenses/" (the wording then names the licence).
    @Test(arguments: [
        ("//creativecommons.org/licenses/by-sa/3.0/", "CC BY-SA 3.0", "https://creativecommons.org/licenses/by-sa/3.0/"),
        ("https://creativecommons.org/licenses//by//2.5", "CC BY 2.5", "https://creativecommons.org/licenses//by//2.5"),
        ("https://creativecommons.org/licenses/by-sa/4.0/deed.zh-hans?ref=维基", "CC BY-SA 4.0",
         "https://creativecommons.org/licenses/by-sa/4.0/deed.zh-hans?ref=维基"),
        ("https://creativecommons.org/licenses/", "CC BY-SA", nil),
    ] as [(String, String, String?)])
    func deedLinksOfEveryShapeNameTheLicence(link: String, name: String, url: String?) {
        let licence = Cleaner.license(attribution: "Available under CC BY-SA.", links: [link], isFamily: false)
        #expect(licence?.name == name)
        #expect(licence?.url == url)
    }

    @Test func theWordingNamesItWithTheVersionOfTheWikisOwnLicenceLink() {
        let licence = Cleaner.license(
            attribution: "Der Text ist unter der Lizenz „Creative Commons Attribution/Share Alike“ verfügbar",
            links: ["//de.wikipedia.org/wiki/Wikipedia:Lizenzbestimmungen_Commons_Attribution-ShareAlike_3.0_Unported"],
            isFamily: false)
        #expect(licence?.name == "CC BY-SA 3.0")
        #expect(licence?.url == "https://creativecommons.org/licenses/by-sa/3.0/")
    }

    @Test func aWikiLicenceWithoutVersionNamesNoneButTheFamilysMeansThree() {
        let fandom = Cleaner.license(attribution: "Community content is available under CC-BY-SA unless otherwise noted.",
                                     links: ["https://www.fandom.com/licensing"], isFamily: false)
        #expect(fandom?.name == "CC BY-SA")
        #expect(fandom?.url == nil)
        let family = Cleaner.license(attribution: "This article was sourced from Creative Commons Attribution-ShareAlike License",
                                     links: [], isFamily: true)
        #expect(family?.name == "CC BY-SA 3.0")
    }

    @Test func theMonoBookFooterNamesTheGFDL() {
        let licence = Cleaner.license(attribution: "All text is available under the terms of the GNU Free Documentation License.",
                                      links: ["/wiki/Wikipedia:Text_of_the_GNU_Free_Documentation_License"], isFamily: false)
        #expect(licence?.name == "GFDL")
    }
}

@Suite struct SiteTests {
    @Test func aWikipediaPageIsWikipediasWithNoUpstream() throws {
        let article = try extract(wikiPage(body: "<h2>Section</h2><p>Text.</p>", footer: englishFooter))
        #expect(article.source.site == "Wikipedia")
        #expect(article.source.upstream == nil)
        #expect(article.warnings.isEmpty, "\(article.warnings)")
    }

    @Test func aCopyOnAnUnknownSiteHasNoSiteAndNamesItsUpstream() throws {
        let article = try extract(wikiPage(
            title: "Sample - Lexicon Reader", canonical: "http://www.lexicon-reader.example/read/Sample",
            body: "<h2>Section</h2><p>Text.</p>", footer: englishFooter))
        #expect(article.source.site == nil)
        #expect(article.source.upstream == Upstream(site: "Wikipedia", url: "https://en.wikipedia.org/w/index.php?title=Sample&oldid=1"))
        #expect(article.warnings.map(\.code) == ["unrecognised-site"])
        #expect(article.license?.name == "CC BY-SA 4.0")
    }

    @Test func aWikisOwnPageSavedWithoutItsTitleOrURLIsStillTheWikis() throws {
        // The skin's own chrome (here its page base and footer) and no URL of another site.
        let article = try extract(wikiPage(title: "", canonical: nil, body: "<h2>Section</h2><p>Text.</p>", footer: englishFooter))
        #expect(article.source.site == "Wikipedia")
        #expect(article.source.upstream == nil)
        // The same body without the skin's chrome is a copy of unknown origin.
        let copy = try extract(wikiPage(title: "", canonical: nil, body: "<h2>Section</h2><p>Text.</p>", footer: englishFooter)
            .replacingOccurrences(of: "<div id=\"mw-page-base\"></div>", with: "")
            .replacingOccurrences(of: "<div id=\"footer\"><ul id=\"footer-info\">", with: "<div><ul>"))
        #expect(copy.source.site == nil)
        #expect(copy.source.upstream?.site == "Wikipedia")
    }

    @Test func aCopyOnAKnownMirrorIsTheMirrors() throws {
        let article = try extract(wikiPage(
            title: "Sample: Information from Answers.com", canonical: "http://www.answers.com/topic/sample",
            body: "<h2>Section</h2><p>Text.</p>", footer: englishFooter))
        #expect(article.source.site == "Answers.com")
        #expect(article.source.upstream?.site == "Wikipedia")
        #expect(!article.warnings.contains { $0.code == "unrecognised-site" })
    }

    @Test func aTaglineAloneNamesTheUpstream() throws {
        let article = try extract(wikiPage(
            title: "Sample - Lexicon Reader", canonical: "http://www.lexicon-reader.example/read/Sample",
            retrievedFrom: "http://www.lexicon-reader.example/read/Sample", body: "<h2>Section</h2><p>Text.</p>",
            footer: "Content © Lexicon Reader."))
        #expect(article.source.site == nil)
        #expect(article.source.upstream == Upstream(site: "Wikipedia", url: nil))
    }

    @Test func anotherWikisOwnPageIsNamedByItself() throws {
        let html = wikiPage(
            title: "Water Spell - Sample Wiki", canonical: "https://sample.fandom.com/wiki/Water_Spell", tagline: "",
            retrievedFrom: "https://sample.fandom.com/wiki/Water_Spell", body: "<h2>Section</h2><p>Text.</p>",
            footer: "Community content is available under <a href=\"https://www.fandom.com/licensing\">CC-BY-SA</a> unless otherwise noted.")
            .replacingOccurrences(of: "<title>", with: "<meta property=\"og:site_name\" content=\"Sample Wiki\"><title>")
        let article = try extract(html)
        #expect(article.source.site == "Sample Wiki")
        #expect(article.source.upstream == nil)
        #expect(article.license?.name == "CC BY-SA")
    }
}

@Suite struct ReferenceSectionTests {
    private let notes = """
        <ol class="references"><li id="cite_note-1"><span class="mw-cite-backlink"><a href="#cite_ref-1">^</a></span> <span class="reference-text">Hall, A. <i>A Sample Book</i>. 2001.</span></li></ol>
        """

    @Test func notesUnderAnyTitleOfTheirOwnAreNoWarning() throws {
        for title in ["Notes", "Footnotes", "Others", "Einzelnachweise", "参考文献", "הערות שוליים", "Further reading"] {
            let article = try extract(wikiPage(body: "<h2>History</h2><p>Text.</p><h2>\(title)</h2>\(notes)", footer: englishFooter))
            #expect(article.references.count == 1, "\(title)")
            #expect(article.warnings.isEmpty, "\(title): \(article.warnings)")
        }
    }

    @Test func notesUnderALinksHeadingAreMisplaced() throws {
        let article = try extract(wikiPage(body: "<h2>History</h2><p>Text.</p><h2>External links</h2>\(notes)", footer: englishFooter))
        #expect(article.warnings.map(\.code) == ["misplaced-notes"])
    }

    @Test func aSubsectionHoldsWhatItsParentAnnounces() throws {
        let books = "<ul><li>Hall, A. <i>A Sample Book</i>. ISBN 978-0-306-40615-7</li><li>Holt, B. <i>Another</i>. ISBN 0-306-40615-2</li></ul>"
        let article = try extract(wikiPage(
            language: "de", body: "<h2>Geschichte</h2><p>Text.</p><h2>Literatur</h2><h3>Romane</h3>\(books)", footer: englishFooter))
        let literature = try #require(article.sections.first { $0.title == "Literatur" })
        #expect(literature.referenceKind == .bibliography)
        #expect(literature.sections.first?.referenceKind == .bibliography)
        #expect(article.references.map(\.kind) == [.bibliography, .bibliography])
        #expect(article.warnings.isEmpty, "\(article.warnings)")
    }

    @Test func aListOfBooksUnderAnOrdinaryHeadingIsMisplacedOnlyWhenTheTOCLostItsHeading() throws {
        let books = "<ul><li>Hall, A. <i>A Sample Book</i>. ISBN 978-0-306-40615-7</li></ul>"
        let plain = try extract(wikiPage(body: "<h2>Works</h2>\(books)", footer: englishFooter))
        #expect(plain.warnings.isEmpty, "\(plain.warnings)")
        let toc = """
            <div id="toc" class="toc"><ul><li class="toclevel-1"><a href="#Works"><span class="tocnumber">1</span> <span class="toctext">Works</span></a></li>
            <li class="toclevel-1"><a href="#References"><span class="tocnumber">2</span> <span class="toctext">References</span></a></li></ul></div>
            """
        let lost = try extract(wikiPage(body: toc + "<h2><span class=\"mw-headline\" id=\"Works\">Works</span></h2>\(books)", footer: englishFooter))
        #expect(lost.warnings.map(\.code) == ["toc-heading-missing", "misplaced-references"])
    }

    @Test func aBundledCitationKeepsItsNote() throws {
        let list = """
            <ol class="references">
            <li id="cite_note-1"><span class="mw-cite-backlink"><a href="#cite_ref-1">^</a></span> <span class="reference-text">Hall, A. 2001.</span></li>
            <li id="cite_note-2"><span class="mw-cite-backlink"><a href="#cite_ref-2">^</a></span> <span class="reference-text">Holt, B. 2003.</span></li>
            <li id="cite_note-3"><span class="mw-cite-backlink"><a href="#cite_ref-3">^</a></span> <span class="reference-text"><sup class="reference"><a href="#cite_note-1">[1]</a></sup><sup class="reference"><a href="#cite_note-2">[2]</a></sup></span></li>
            </ol>
            """
        let article = try extract(wikiPage(body: "<h2>References</h2>\(list)", footer: englishFooter))
        #expect(article.references.map(\.id) == ["cite_note-1", "cite_note-2", "cite_note-3"])
        #expect(article.references.last?.text == "[1][2]")
    }

    @Test func aNotesListInsideANavigationBoxIsStillTheArticles() throws {
        let navbox = """
            <table class="navbox"><tr><td><a href="/a">A</a> <a href="/b">B</a> <a href="/c">C</a>
            <div class="reflist"><ol class="references"><li id="cite_note-9"><span class="mw-cite-backlink"><a href="#cite_ref-9">^</a></span> <span class="reference-text">Census office, 2025.</span></li></ol></div></td></tr></table>
            """
        let article = try extract(wikiPage(body: "<h2>History</h2><p>Text.</p><h2>References</h2>\(notes)\(navbox)", footer: englishFooter))
        #expect(article.references.map(\.id) == ["cite_note-1", "cite_note-9"])
        #expect(!(try ArticleJSON.string(article)).contains("\"A B C\""))
    }

    @Test func sisterProjectBoxesAreChromeThoughStyledAsInfoboxes() throws {
        let box = "<div class=\"infobox sisterproject\"><b>Listen to this article</b> (info)</div>"
        let article = try extract(wikiPage(body: "<h2>External links</h2>\(box)<ul><li><a href=\"http://example.org/\">Sample site</a></li></ul>", footer: englishFooter))
        #expect(article.warnings.isEmpty, "\(article.warnings)")
        #expect(article.sections.first?.blocks.map(\.type) == ["list"])
    }
}

@Suite struct SidebarTOCTests {
    @Test func vector2022EntriesKeepTitlesWithMarkupDashesAndColons() throws {
        func item(_ level: Int, _ number: String, _ anchor: String, _ title: String) -> String {
            """
            <li id="toc-\(anchor)" class="vector-toc-list-item vector-toc-level-\(level)"><a class="vector-toc-link" href="#\(anchor)">
            <div class="vector-toc-text"><span class="vector-toc-numb">\(number)</span><span>\(title)</span></div></a></li>
            """
        }
        let sidebar = """
            <nav class="vector-toc-landmark"><div id="vector-toc" class="vector-toc"><ul class="vector-toc-contents">
            <li id="toc-mw-content-text" class="vector-toc-list-item vector-toc-level-1"><a href="#" class="vector-toc-link"><div class="vector-toc-text">(Top)</div></a></li>
            \(item(1, "1", "Early_work", "1902–1910: Early work"))\(item(2, "1.1", "Reception", "Reception of <i>The Lantern</i>"))
            </ul></div></nav>
            """
        let body = """
            <div class="mw-heading mw-heading2"><h2 id="Early_work">1902–1910: Early work</h2></div><p>Text.</p>
            <div class="mw-heading mw-heading3"><h3 id="Reception">Reception of <i>The Lantern</i></h3></div><p>Text.</p>
            """
        let article = try extract(wikiPage(chrome: sidebar, body: body, footer: englishFooter))
        #expect(article.tableOfContents.map(\.title) == ["1902–1910: Early work", "Reception of The Lantern"])
        #expect(article.tableOfContents.map(\.level) == [1, 2])
        #expect(article.warnings.isEmpty, "\(article.warnings)")
    }
}

@Suite struct ArticleInformationTests {
    @Test func thePanelsFieldsAreReadByTheirLabels() {
        let information = ArticleInformationReader.fields(in:
            "Article Id: WHEBN0000451209 Reproduction Date: Title: Oldmere River Author: World Heritage Encyclopedia Language: English Subject: Rivers of Haldane Collection: Geography Publisher: World Heritage Encyclopedia Publication Date:")
        #expect(information.articleId == "WHEBN0000451209")
        #expect(information.catalog == Catalog(author: "World Heritage Encyclopedia", collection: "Geography", publicationDate: nil,
                                               publisher: "World Heritage Encyclopedia", reproductionDate: nil, subject: "Rivers of Haldane"))
    }

    @Test func aLabelInsideAWordIsNoLabel() {
        let information = ArticleInformationReader.fields(in: "Article Id: WHEBN1 Subject: Subtitle: none Collection: Maps")
        #expect(information.catalog?.subject == "Subtitle: none")
        #expect(information.catalog?.collection == "Maps")
    }
}
