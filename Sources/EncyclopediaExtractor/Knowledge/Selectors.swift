import HTMLTree

/// Every element name, id and class word, and boilerplate sentence of the page family the extractor
/// keys on, named, with the page feature it hits. Sites are described in ``SiteProfile`` and the words
/// wikis use in each language in ``LanguageProfile``; no stage spells out a marker of its own.
enum Selectors {
    // MARK: Elements whose content is never article prose

    /// Elements dropped wherever they are: code, styling, embedded objects and form controls
    /// (ASP.NET wraps the whole page in a `<form>`, so the form itself is kept, its controls are not).
    static let junkElements: Set<String> = [
        "script", "style", "noscript", "template", "iframe", "object", "embed", "applet", "link", "meta",
        "input", "select", "textarea", "button", "option", "map", "area", "svg", "canvas", "video", "audio",
        "base",
    ]

    /// HTML5 landmarks that hold site chrome. They are skipped by the body walk rather than removed
    /// up front, because a `<footer>` is where MediaWiki and some mirrors print the licence.
    static let chromeElements: Set<String> = ["nav", "aside", "footer"]

    /// Heading elements.
    static let headingElements: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

    /// Inline elements: their text joins the surrounding paragraph.
    static let inlineElements: Set<String> = [
        "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "dfn", "em", "font", "i",
        "img", "kbd", "label", "mark", "nobr", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup",
        "time", "tt", "u", "var", "wbr", "math", "ins", "del",
    ]

    /// Elements that start a new block when found inside an inline element in tag soup.
    static let blockElements: Set<String> = [
        "p", "div", "table", "ul", "ol", "dl", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "center",
        "figure", "section", "article", "hr", "form",
    ]

    /// The element sets above as name sets, tested per node without building its name.
    static let junkElementNames = HTMLNameSet(junkElements)
    static let chromeElementNames = HTMLNameSet(chromeElements)
    static let headingElementNames = HTMLNameSet(headingElements)
    static let inlineElementNames = HTMLNameSet(inlineElements)
    static let blockElementNames = HTMLNameSet(blockElements)

    // MARK: Chrome recognised from id and class words

    /// Words of an id or class (split at punctuation and camel case) that mark site chrome:
    /// menus, side columns, search and login boxes, ads, share links, and the MediaWiki skin's
    /// navigation, edit links, hatnotes, navboxes, maintenance banners and authority-control boxes.
    static let chromeWords: Set<String> = [
        "nav", "navbar", "navigation", "menu", "menubar", "topmenu", "sidebar", "breadcrumb", "breadcrumbs",
        "footer", "banner", "ad", "ads", "advert", "advertisement", "adsense", "adsbygoogle", "sponsor",
        "sponsored", "share", "sharing", "social", "toolbar", "toolbox", "login", "signin", "register", "search",
        "searchbox", "cookie", "popup", "modal", "subscribe", "addthis", "promo", "navbox", "editsection",
        "hatnote", "dablink", "ambox", "printfooter", "catlinks", "sistersitebox", "noprint", "metadata",
        "jump", "coordinates", "authority", "portal", "flag", "email", "mbox", "tmbox", "ombox", "navframe",
        "collections", "related", "header", "masthead", "logo", "copyright", "sitenotice", "sitesub",
        "contentsub", "indicators", "personal", "geo", "leftcol", "rightcol", "leftcolumn", "rightcolumn",
        "sidecol", "leftnav", "rightnav", "topnav", "portlet", "dropdown", "sisterproject",
    ]

    /// Chrome words that no body word overrides: MediaWiki's boxes pointing to sister projects and to
    /// a spoken version of the article ("Commons: … – Sammlung von Bildern", "Listen to this article")
    /// are styled as infoboxes (`class="infobox sisterproject"`).
    static let decisiveChromeWords: Set<String> = ["sisterproject", "sistersitebox"]

    /// Adjacent word pairs that mark chrome where each word alone does not ("left column",
    /// "mw panel", "vertical navbox").
    static let chromeWordPairs: Set<String> = [
        "left col", "left column", "right col", "right column", "left side", "right side", "left panel",
        "right panel", "side col", "side column", "side panel", "mw panel", "mw head", "mw navigation",
        "vertical navbox", "article tools", "page tools", "p personal", "p search", "related ebooks",
        "related articles",
        // MediaWiki's lines under the title, `siteSub` and `contentSub` split at their camel case
        // ("From Wikipedia, …", "(Redirected from Duckling)").
        "site sub", "content sub", "content subtitle",
        // The Hebrew Wikipedia's image toggle (ImgToggle gadget) titles its box with a button's label
        // ("click to shrink back"); the box itself holds the image.
        "imgtogglebox title",
    ]

    /// Words that, present in an id or class, keep an element even if another word looks like chrome:
    /// the MediaWiki body's reference lists, figures, infoboxes, tables and contents box.
    static let bodyWords: Set<String> = [
        "references", "reflist", "refbegin", "thumb", "thumbinner", "infobox", "wikitable", "toc",
    ]

    /// The one id MediaWiki gives a chrome widget inside prose (the coordinates line).
    static let inlineChromeID: StaticString = "coordinates"

    /// Inline elements whose class is checked for chrome words inside prose (links and emphasis are
    /// not: their classes describe the text, not the page).
    static let inlineChromeCarriers = HTMLNameSet(["span", "div", "small", "sup", "table"])

    // MARK: Chrome recognised from its text

    /// Texts of small elements (links, buttons, tool bars) that are site chrome wherever they stand;
    /// the wikis' taglines ("From Wikipedia, the free encyclopedia") in every language are added.
    static let chromePhrases: Set<String> = Set([
        "flag as inappropriate", "email this article", "share this article", "print this article",
        "share", "print", "email", "related ebooks", "collections", "jump to navigation", "jump to search",
        "add to my bookshelf", "download ebook", "read ebook",
    ] + LanguageProfile.all.flatMap(\.taglines))

    /// Headings of boxes that are site chrome: a box opening with one of these is dropped.
    static let chromeBoxHeadings: [String] = [
        "related ebooks", "collections", "related articles", "popular ebooks", "featured ebooks",
        "ebook collections", "sponsored links", "share this", "follow us", "member login", "login",
    ]

    /// Elements that can be a chrome box opening with a heading.
    static let chromeBoxElements = HTMLNameSet(["div", "td", "table", "ul", "section", "dl"])

    /// Headings of the site rather than the article: the contents box's title (in every language),
    /// and the menus of a MediaWiki skin saved without its classes.
    static let siteHeadings: Set<String> = Set(["navigation menu", "personal tools", "namespaces"]
        + LanguageProfile.all.flatMap(\.contentsTitles))

    /// What an edit link leaves at the end of a heading when the page lost its `editsection` class.
    static let editLinkSuffixes = ["[edit]", "[ edit ]", "[Edit]"]

    // MARK: The licence block and site footer (PAGE-FAMILY.md, section 5 and 6)

    /// Sentences of the family's licence block, lowercased; any of them marks the start of the licence.
    static let familyLicenceMarkers: [String] = [
        "this article was sourced from",
        "content is assembled from numerous content providers",
        "crowd sourced content that is contributed to",
        "by using this site, you agree to the",
        "registered trademark of the world public library association",
    ]

    /// Every licence sentence: the family's, and the wiki footers' in each language.
    static let licenceMarkers: [String] = familyLicenceMarkers + LanguageProfile.all.flatMap(\.licenceSentences)

    /// What a licence block may say before the licence that is no part of it, lowercased: a disclosure
    /// of affiliate links (every Fandom page's licence line opens with one).
    static let disclosureMarkers = ["affiliate link"]

    /// Sentences of the site footer, lowercased.
    static let footerMarkers: [String] = [
        "copyright © world library foundation",
        "copyright (c) world library foundation",
        "are sponsored by the world library foundation",
        "member's support non-profit organization",
    ]

    /// A word (or two) of each licence and footer sentence, which a tag never splits: a block's whole
    /// text is only read and searched for the sentences when one of its text nodes holds one of these.
    /// Each is chosen to be rare in prose; `SelectorsTests` checks that every sentence holds one.
    static let boilerplateAnchors: [String] = [
        "sourced", "assembled", "agree", "trademark", "sharealike", "issued", "documentation", "copyright",
        "sponsored", "non-profit", "available under", "lizenz", "disponib", "beschikbaar", "доступ", "udostępnian",
        "tillgänglig", "לרישיון", "رخصة", "知识共享", "知識共享", "クリエイティブ・コモンズ",
    ]

    /// The most text a licence or footer block can hold; the family's licence block is about 1,300
    /// characters, so a block several times that size is an article container that holds it.
    static let maximumBoilerplateLength = 4000

    /// The licence the family's licence block means when it names no version (the sites ran
    /// 2011–2016, under CC BY-SA 3.0), and its deed.
    static let familyLicenceName = "CC BY-SA 3.0"
    static let familyLicenceURL = "http://creativecommons.org/licenses/by-sa/3.0/"

    /// Where a licence's deed lives: a link to one of these names the licence exactly.
    static let creativeCommonsDeedPath = "creativecommons.org/licenses/"
    /// Links of a licence statement to a wiki's own copy of the licence text carry its version
    /// ("Text_of_Creative_Commons_Attribution-ShareAlike_3.0_Unported_License").
    static let licenceTextLinkWords = ["sharealike", "share_alike", "share-alike"]

    /// How a licence statement names CC BY-SA in words, in any language (ASCII letters lowercased; the
    /// others as pages print them).
    static let creativeCommonsWordings: [String] = [
            "attribution-sharealike", "attribution-share alike", "attribution/share alike", "attribution/share-alike",
            "cc-by-sa", "cc by-sa", "ייחוס-שיתוף זהה", "署名-相同方式共享", "姓名標示-相同方式分享", "表示-継承",
            "attribution, partage dans les mêmes conditions", "atribución-compartirigual", "atribución compartir igual",
            "attribuzione-condividi allo stesso modo", "naamsvermelding-gelijk delen", "naamsvermelding/gelijk delen",
            "atribuição-compartilhaigual", "указанием авторства", "зазначенням авторства", "uznanie autorstwa",
            "erkännande-dela lika", "نسب المصنف",
    ]
    /// How a licence statement names the GNU Free Documentation License (MonoBook-era Wikipedia), and
    /// the licence's page.
    static let documentationLicenceWordings = [
        "gnu free documentation license", "gnu-lizenz für freie dokumentation", "licence de documentation libre gnu",
    ]
    static let documentationLicenceName = "GFDL"
    static let documentationLicenceURL = "http://www.gnu.org/copyleft/fdl.html"

    /// Which licence "issued from Wikipedia" means: Wikipedia's, which the family copied under CC BY-SA.
    static let issuedFromWikipedia = "this article is issued from wikipedia"

    // MARK: The article-information panel (PAGE-FAMILY.md, section 4b)

    /// The labels of World Heritage Encyclopedia's article-information panel, as printed (before their
    /// colon), lowercased, each with the `source.catalog` field it fills (nil: shown elsewhere in the
    /// article, or the article id, which has a field of its own).
    static let articleInformationLabels: [(label: String, field: CatalogField?)] = [
        (articleIdLabel, nil), ("reproduction date", .reproductionDate), ("title", nil), ("author", .author),
        ("language", nil), ("subject", .subject), ("collection", .collection), ("collections", .collection),
        ("publisher", .publisher), ("publication date", .publicationDate),
    ]
    /// The panel's first label, the copy's id ("WHEBN0000236874"); found in a text node, it starts the
    /// search for the panel.
    static let articleIdLabel = "article id"
    static let articleInformationCue = PhraseSet([articleIdLabel])
    /// The panel's labels a block must hold (at least this many) to be read as the panel.
    static let articleInformationMinimumLabels = 3
    /// The panel is a few short lines; a block longer than this is an article container holding it.
    static let articleInformationMaximumLength = 1500

    // MARK: The MediaWiki body

    /// Ids and classes of a MediaWiki skin (MonoBook, Vector, Vector 2022, Minerva) around a saved
    /// wiki page; two of them make a page a MediaWiki page.
    static let mediaWikiSkinMarkers: Set<String> = [
        "mw-navigation", "mw-panel", "mw-head", "catlinks", "printfooter", "firstHeading", "mw-content-text",
        "siteSub", "footer-info", "p-personal", "mw-page-base", "mw-body", "mw-parser-output",
        "globalWrapper", "column-content", "column-one", "f-list", "bodyContent",
    ]

    /// The skin markers that belong to a wiki's own chrome (its menus, personal tools and footer)
    /// rather than to the article body a copy keeps: a page carrying them, with no URL saying otherwise,
    /// is the wiki's own page even without its title or canonical link (a saved fragment).
    static let mediaWikiChromeMarkers: Set<String> = [
        "mw-navigation", "mw-panel", "mw-head", "p-personal", "footer-info", "mw-page-base", "globalWrapper",
        "column-one", "f-list",
    ]

    /// The article's title heading in a MediaWiki skin.
    static let titleHeadingID: StaticString = "firstHeading"
    static let titleHeadingClass: StaticString = "firstheading"
    /// The span holding a heading's text and anchor (MediaWiki before 2024).
    static let headlineClass: StaticString = "mw-headline"

    /// The "Retrieved from" line under a MediaWiki article, with the upstream page's URL.
    static let retrievedFromClass: StaticString = "printfooter"

    /// The contents box: id or class `toc` (or `toccolours` titled "Contents"), entries with
    /// `tocnumber` and `toctext` spans and `toclevel-N` classes.
    static let tocWord = PhraseSet(["toc"])
    static let tocBoxID: StaticString = "toc"
    static let tocBoxClass: StaticString = "toc"
    static let tocColoursClass: StaticString = "toccolours"
    static let tocNumberClass: StaticString = "tocnumber"
    static let tocTextClass: StaticString = "toctext"
    static let tocLevelPrefix = "toclevel-"
    /// The Vector 2022 skin's contents in the sidebar: the box, its entries, their numbers and levels.
    static let sidebarTOCClass: StaticString = "vector-toc"
    static let sidebarTOCItemClass = "vector-toc-list-item"
    static let sidebarTOCNumberClass: StaticString = "vector-toc-numb"
    static let sidebarTOCLevelPrefix = "vector-toc-level-"

    /// A notes list: class `references`, or items with MediaWiki's note ids (`cite_note-1`; before
    /// 2008 `_note-1`), or items opening with a back-link mark.
    static let notesListClass: StaticString = "references"
    static let noteIDPrefixes: [StaticString] = ["cite_note", "_note-"]
    static let backLinkMarks: Set<Character> = ["^", "↑"]
    /// A citation marker in prose: `<sup class="reference">` linking to its note.
    static let citationMarkerClass = "reference"

    /// The words of a `list-style-type` (or a class naming one, "reflist-lower-alpha") that number a
    /// notes list other than 1, 2, 3: MediaWiki's note groups.
    static let listNumberingWords: [(word: String, style: ListNumbering)] = [
        ("lower-alpha", .lowerAlpha), ("lower-latin", .lowerAlpha), ("upper-alpha", .upperAlpha), ("upper-latin", .upperAlpha),
        ("lower-roman", .lowerRoman), ("upper-roman", .upperRoman), ("lower-greek", .lowerGreek),
    ]

    /// Figures: thumbnails and gallery boxes, their captions, and the enlarge icon inside captions.
    static let figureClasses: [StaticString] = ["thumb", "gallerybox"]
    static let galleryClass: StaticString = "gallery"
    static let figureCaptionClasses: [StaticString] = ["thumbcaption", "gallerytext"]
    /// Where a page that loads images lazily keeps an image's address (see `BlockReader.imageAddress`).
    static let lazyImageAttribute = "data-src"
    static let magnifyClass: StaticString = "magnify"

    /// Infobox tables: class `infobox`, or one starting `infobox_` or `infobox-`.
    static let infoboxClass = "infobox"

    /// Inline classes whose text a reader never sees: back-links, edit links, print-hidden and sort
    /// keys, empty elements, screen-reader labels.
    static let hiddenClasses = ClassNames([
        "mw-cite-backlink", "editsection", "mw-editsection", "noprint", "reference-accessdate-hidden",
        "sortkey", "mw-empty-elt", "cite-accessibility-label",
    ])
    /// A style that can hide an element says "none".
    static let hidingStyleFilter = PhraseSet(["none"])

    // MARK: Categories

    /// A link to a category page ("Category:Hamlets", "/category:…"), and to the index of all categories.
    static let categoryLink = PhraseSet(["category:"])
    /// A link to a category page in any language of ``LanguageProfile`` ("Kategorie:", "Catégorie:" as
    /// written or percent-encoded).
    static let categoryPageLink = PhraseSet(LanguageProfile.categoryLinkPhrases)
    static let categoryIndexLink = PhraseSet(["special:categories"])
    /// The words that name a category box, found in raw ids and classes before they are split.
    static let categoryBoxWordFilter = PhraseSet(["catlinks", "categories"])
    static let categoryBoxWord = "catlinks"
    static let categoriesWord = "categories"
    /// The class word of MediaWiki's hidden-category list.
    static let hiddenCategoriesWord = "hidden"
}
