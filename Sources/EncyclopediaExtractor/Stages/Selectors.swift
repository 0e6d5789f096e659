import HTMLTree

/// Every marker the extractor keys on, named, with the page feature it hits. Nothing else in the
/// pipeline spells out an id, class or boilerplate sentence.
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
        "sidecol", "leftnav", "rightnav", "topnav", "portlet", "dropdown",
    ]

    /// Adjacent word pairs that mark chrome where each word alone does not ("left column",
    /// "mw panel", "vertical navbox").
    static let chromeWordPairs: Set<String> = [
        "left col", "left column", "right col", "right column", "left side", "right side", "left panel",
        "right panel", "side col", "side column", "side panel", "mw panel", "mw head", "mw navigation",
        "vertical navbox", "article tools", "page tools", "p personal", "p search", "related ebooks",
        "related articles",
    ]

    /// Words that, present in an id or class, keep an element even if another word looks like chrome:
    /// the MediaWiki body's reference lists, figures, infoboxes, tables and contents box.
    static let bodyWords: Set<String> = [
        "references", "reflist", "refbegin", "thumb", "thumbinner", "infobox", "wikitable", "toc",
    ]

    // MARK: Chrome recognised from its text

    /// Texts of small elements (links, buttons, tool bars) that are site chrome wherever they stand.
    static let chromePhrases: Set<String> = [
        "flag as inappropriate", "email this article", "share this article", "print this article",
        "share", "print", "email", "related ebooks", "collections", "jump to navigation", "jump to search",
        "from wikipedia, the free encyclopedia", "add to my bookshelf", "download ebook", "read ebook",
    ]

    /// Headings of boxes that are site chrome: a box opening with one of these is dropped.
    static let chromeBoxHeadings: [String] = [
        "related ebooks", "collections", "related articles", "popular ebooks", "featured ebooks",
        "ebook collections", "sponsored links", "share this", "follow us", "member login", "login",
    ]

    // MARK: The licence block and site footer (PAGE-FAMILY.md, section 5 and 6)

    /// Sentences of the licence block, lowercased; any of them marks the start of the licence.
    static let licenceMarkers: [String] = [
        "this article was sourced from",
        "content is assembled from numerous content providers",
        "crowd sourced content that is contributed to",
        "by using this site, you agree to the",
        "registered trademark of the world public library association",
        "text is available under the creative commons attribution-sharealike",
        "this article is issued from wikipedia",
        "is licensed under the gnu free documentation license",
    ]

    /// Sentences of the site footer, lowercased.
    static let footerMarkers: [String] = [
        "copyright © world library foundation",
        "copyright (c) world library foundation",
        "are sponsored by the world library foundation",
        "member's support non-profit organization",
    ]

    /// One word of each licence and footer marker, which a tag never splits: a block's whole text is
    /// only read and searched for the markers when one of its text nodes holds one of these.
    static let boilerplateAnchors: [String] = [
        "sourced", "assembled", "agree", "trademark", "sharealike", "issued", "documentation",
        "copyright", "sponsored", "non-profit",
    ]

    /// The licence the family's licence block names, and its deed.
    static let familyLicenceName = "CC BY-SA 3.0"
    static let familyLicenceURL = "http://creativecommons.org/licenses/by-sa/3.0/"

    // MARK: The MediaWiki body

    /// Section titles whose lists are references, and the kind they hold.
    static let referenceSectionKinds: [(titles: [String], kind: Reference.Kind)] = [
        (["references", "notes", "footnotes", "citations", "notes and references", "references and notes",
          "source notes"], .note),
        (["bibliography", "further reading", "sources", "literature", "works cited", "selected bibliography",
          "bibliography and further reading"], .bibliography),
        (["external links", "external link", "links", "web links", "weblinks"], .externalLink),
        (["see also", "related articles", "related topics"], .seeAlso),
    ]
    /// Titles of headings that belong to the site, not the article ("Contents" of a TOC without a box).
    static let nonArticleHeadings: Set<String> = ["contents", "navigation menu", "personal tools", "namespaces"]
}
