import Foundation
import HTMLTree

/// What cleaning found: the licence, the licence and footer blocks, categories, and what it removed.
struct CleaningResult {
    var license: License?
    /// Licence and footer blocks, in document order (the body walk ends at the first that follows
    /// the article).
    var boilerplate: [Node] = []
    var licenceText: String = ""
    var footerFound = false
    var categories: [String] = []
    /// Text nodes that hold the article-information panel's first label ("Article Id:"), found on the
    /// same pass (for ``ArticleInformationReader``).
    var articleInformationCues: [Node] = []
    var removals: RemovalLog
}

/// Finds the licence block, the site footer and the category links: what the page says about the
/// article rather than the article, kept as metadata. (What is never content at all is taken out by
/// ``ChromeFilter/removeJunk(from:log:)``, and chrome is judged by the ``ChromeFilter``.)
enum Cleaner {
    /// Block-level elements a licence sentence is looked up from.
    private static let blockNames = HTMLNameSet([
        "p", "div", "td", "th", "li", "center", "section", "table", "tr", "tbody", "ul", "ol", "dd", "blockquote",
        "span", "font", "small", "form", "body",
    ])

    /// Every licence and footer sentence marker.
    private static let boilerplateMarkers = PhraseSet(Selectors.licenceMarkers + Selectors.footerMarkers)
    private static let licenceMarkers = PhraseSet(Selectors.licenceMarkers)
    private static let familyLicenceMarkers = PhraseSet(Selectors.familyLicenceMarkers)
    private static let footerMarkers = PhraseSet(Selectors.footerMarkers)
    private static let disclosureMarkers = PhraseSet(Selectors.disclosureMarkers)
    /// The anchors, and the panel's first label: one pass over the texts finds both.
    private static let anchors = PhraseSet(Selectors.boilerplateAnchors + [Selectors.articleIdLabel])
    private static let maximumBoilerplateLength = Selectors.maximumBoilerplateLength

    /// Finds licence and footer blocks (not removed: the body walk skips them) and reads the licence;
    /// notes where the article-information panel's label stands.
    static func findBoilerplate(in document: Document, result: inout CleaningResult) {
        guard let root = document.root else { return }
        /// What a block's text says, worked out once per block however many text nodes it holds.
        enum Verdict {
            case plain
            /// A licence or footer block of boilerplate size: it is the unit (once).
            case sized(isLicence: Bool, text: String)
            /// A large container holding a marker: only its own marked text nodes are units.
            case large(isLicence: Bool)
            case taken
        }
        var verdicts: [Node: Verdict] = [:]
        var licenceBlocks: [Node] = []
        var unitTexts: [Node: String] = [:]
        // Most text nodes hold no marker word: they are passed over without making a string.
        for node in root.descendants(.texts(containing: anchors)) {
            let ownText = node.text
            if Selectors.articleInformationCue.matches(ownText) { result.articleInformationCues.append(node) }
            guard !ownText.isEmpty, let block = nearestBlock(above: node) else { continue }
            let verdict: Verdict
            if let known = verdicts[block] {
                verdict = known
            } else {
                let text = block.text
                let isLicence = licenceMarkers.matches(text)
                let isFooter = footerMarkers.matches(text)
                if !isLicence && !isFooter {
                    verdict = .plain
                } else if isBoilerplateSized(block, length: text.characterCount) {
                    verdict = .sized(isLicence: isLicence, text: text)
                } else {
                    verdict = .large(isLicence: isLicence)
                }
                verdicts[block] = verdict
            }
            let unit: Node
            let unitText: String
            let isLicence: Bool
            switch verdict {
            case .plain, .taken:
                continue
            case let .sized(licence, text):
                verdicts[block] = .taken
                (unit, unitText, isLicence) = (block, text, licence)
            case let .large(licence):
                // The sentence sits loose in a large container: take only the text that says it.
                guard boilerplateMarkers.matches(ownText) else { continue }
                (unit, unitText, isLicence) = (node, ownText, licence)
            }
            if result.boilerplate.contains(where: { $0.contains(unit) }) { continue }
            result.boilerplate.removeAll { unit.contains($0) }
            result.boilerplate.append(unit)
            unitTexts[unit] = unitText
            if isLicence { licenceBlocks.append(unit) } else { result.footerFound = true }
            result.removals.record(isLicence ? "licence block (kept as metadata)" : "site footer", element: unit.name,
                                   excerpt: String(unitText.prefix(Removal.excerptLength)))
        }
        result.boilerplate.sort { $0.precedes($1) }
        licenceBlocks.removeAll { block in !result.boilerplate.contains(block) }
        guard !licenceBlocks.isEmpty else { return }
        licenceBlocks.sort { $0.precedes($1) }
        var attribution = TextBuffer()
        var links: [String] = []
        for block in licenceBlocks {
            var text = unitTexts[block] ?? block.text
            // A block holding both the licence sentences and the footer gives only the licence.
            if let footer = footerMarkers.firstMatch(in: text) {
                text = String(decoding: text.utf8.prefix(footer.offset), as: UTF8.self)
                result.footerFound = true
            }
            // A disclosure before the licence's first sentence (Fandom's affiliate links) is no part of it;
            // other sentences there ("This article is copied from Wikipedia.") attribute the text and stay.
            if let licence = licenceMarkers.firstMatch(in: text), case let start = sentenceStart(before: licence.offset, in: text),
               start > 0, disclosureMarkers.matches(String(decoding: text.utf8.prefix(start), as: UTF8.self))
            {
                text = String(decoding: text.utf8.dropFirst(start), as: UTF8.self)
            }
            attribution.append(text)
            attribution.appendSpace()
            for anchor in block.descendants(.elements(named: .a)) {
                if let href = anchor.attribute(.href) { links.append(href) }
            }
        }
        result.licenceText = attribution.take()
        result.license = license(attribution: result.licenceText, links: links,
                                 isFamily: familyLicenceMarkers.matches(result.licenceText))
    }

    /// Where the sentence holding byte `offset` of `text` starts: after the last ". ", "! ", "? " or
    /// ideographic full stop before it, or 0.
    static func sentenceStart(before offset: Int, in text: String) -> Int {
        let bytes = Array(text.utf8.prefix(offset))
        var index = bytes.count - 1
        while index > 0 {
            let byte = bytes[index]
            if byte == 0x20, [UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?")].contains(bytes[index - 1]) {
                return index + 1
            }
            // U+3002 IDEOGRAPHIC FULL STOP (E3 80 82) ends a sentence without a space.
            if byte == 0x82, index >= 2, bytes[index - 2] == 0xE3, bytes[index - 1] == 0x80 { return index + 1 }
            index -= 1
        }
        return 0
    }

    private static func isBoilerplateSized(_ block: Node, length: Int) -> Bool {
        guard length <= maximumBoilerplateLength else { return false }
        return block.firstDescendant(.elements(Selectors.headingElementNames)) == nil
    }

    private static func nearestBlock(above node: Node) -> Node? {
        var current = node.parent
        while let element = current {
            if element.isElement(in: blockNames) { return element }
            current = element.parent
        }
        return nil
    }

    /// Names the licence from its deed link (`…/licenses/by-sa/3.0/` → "CC BY-SA 3.0"), else from its
    /// wording in any language ("Attribution-ShareAlike", "ייחוס-שיתוף זהה", "GNU Free Documentation
    /// License") with the version written near it or in a link to the wiki's copy of the licence; the
    /// family's licence block without a version means CC BY-SA 3.0, another without one names none.
    static func license(attribution: String, links: [String], isFamily: Bool) -> License? {
        // Saved pages keep protocol-relative links ("//creativecommons.org/…").
        if let written = links.first(where: { $0.contains(Selectors.creativeCommonsDeedPath) }) {
            let deedURL = written.hasPrefix("//") ? "https:" + written : written
            if let parts = deedParts(deedURL) {
                if let kind = parts.first {
                    let version = parts.count > 1 ? " " + parts[1] : ""
                    return License(name: "CC " + kind.uppercased() + version, url: deedURL, attribution: attribution)
                }
            }
        }
        // Only ASCII letters are folded: the wordings with other letters are written as pages print
        // them, and `lowercased()` on a long licence text holding "©" costs far more.
        let lowered = attribution.asciiLowercased()
        if let range = Selectors.creativeCommonsWordings.lazy.compactMap({ lowered.range(of: $0) }).first {
            // "Attribution-ShareAlike 4.0 License", "Attribution-ShareAlike License 4.0": a version
            // written within a few words says which.
            if let version = version(in: lowered[range.upperBound...].prefix(24))
                ?? links.lazy.compactMap({ licenceLinkVersion($0) }).first
            {
                return License(name: "CC BY-SA \(version)", url: "https://creativecommons.org/licenses/by-sa/\(version)/",
                               attribution: attribution)
            }
            if isFamily {
                return License(name: Selectors.familyLicenceName, url: Selectors.familyLicenceURL, attribution: attribution)
            }
            return License(name: "CC BY-SA", url: nil, attribution: attribution)
        }
        if lowered.contains(Selectors.issuedFromWikipedia) {
            return License(name: Selectors.familyLicenceName, url: Selectors.familyLicenceURL, attribution: attribution)
        }
        if Selectors.documentationLicenceWordings.contains(where: { lowered.contains($0) }) {
            return License(name: Selectors.documentationLicenceName, url: Selectors.documentationLicenceURL, attribution: attribution)
        }
        return License(name: "unknown", url: nil, attribution: attribution)
    }

    /// The parts of a deed link's path after "/licenses/" ("by-sa", "3.0"), or nil when it has none.
    /// A plain ASCII link (nearly all) is read on its bytes, where Foundation's search and a split by
    /// characters give the same answer at a fraction of the cost.
    private static func deedParts(_ url: String) -> [String]? {
        let marker = "/licenses/"
        guard !url.utf8.contains(where: { $0 >= 0x80 }) else {
            guard let range = url.range(of: marker) else { return nil }
            return url[range.upperBound...].split(separator: "/").map(String.init)
        }
        var url = url
        var needle = marker
        return url.withUTF8 { bytes -> [String]? in
            guard let offset = needle.withUTF8({ ByteSearch.firstOffset(of: $0, in: bytes) }) else { return nil }
            return bytes[(offset + marker.utf8.count)...].split(separator: UInt8(ascii: "/")).map { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// The first word shaped like a licence version ("3.0", "4.0") in `text`.
    private static func version(in text: Substring) -> String? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == ";" || $0 == "," || $0 == "\u{00A0}" || $0 == "_" })
        return words.first(where: { $0.count == 3 && $0.first?.isNumber == true && $0.dropFirst().first == "." }).map(String.init)
    }

    /// The version in a link to a wiki's copy of the licence text
    /// ("…Attribution-ShareAlike_3.0_Unported_License" → "3.0"), or nil.
    private static func licenceLinkVersion(_ href: String) -> String? {
        let lowered = href.asciiLowercased()
        guard let word = Selectors.licenceTextLinkWords.lazy.compactMap({ lowered.range(of: $0) }).first else { return nil }
        return version(in: lowered[word.upperBound...].prefix(12))
    }

    /// Reads category names and removes the category boxes (and loose category lines) from the tree.
    /// Category boxes are `catlinks` anywhere (MediaWiki puts them below the body container), or
    /// elements whose id or class says "categories" inside the article's container.
    static func readCategories(
        in document: Document, contentRoot: Node, protected: NodeSet, result: inout CleaningResult
    ) {
        guard let root = document.root else { return }
        var boxes: [Node] = []
        for node in root.descendants(.elements(withAttribute: [.class, .id], containing: Selectors.categoryBoxWordFilter)) {
            let words = ClassWords.words(of: node)
            if words.contains(Selectors.categoryBoxWord)
                || (words.contains(Selectors.categoriesWord) && !protected.contains(node) && contentRoot.contains(node))
            {
                // The walk is in document order and the boxes do not nest: a node inside a box found
                // before is inside the last one.
                if !(boxes.last?.contains(node) ?? false) { boxes.append(node) }
            }
        }
        var names: [String] = []
        func addCategory(from anchor: Node) {
            let name = anchor.text
            let lowered = name.fastLowercased()
            guard !name.isEmpty, lowered != "categories", lowered != "category" else { return }
            names.append(name)
        }
        // Where category boxes link to category pages ("Category:", "Kategorie:", "קטגוריה:" …), only those
        // links are categories, and a box with none is not a category box (German Wikipedia styles its
        // authority-data box "Normdaten" as catlinks; the chrome filter takes it out).
        func linksToCategoryPages(_ anchor: Node) -> Bool { anchor.attribute(.href, contains: Selectors.categoryPageLink) }
        let namespaced = boxes.map { box in box.descendants(.elements(named: .a)).contains(where: linksToCategoryPages) }
        if namespaced.contains(true) { boxes = zip(boxes, namespaced).filter(\.1).map(\.0) }
        let onlyCategoryPages = namespaced.contains(true)
        for box in boxes {
            for (index, anchor) in box.descendants(.elements(named: .a)).enumerated() {
                if isHiddenCategoryList(anchor, within: box) { continue }
                if anchor.attribute(.href, contains: Selectors.categoryIndexLink) { continue }
                if index == 0, isLabel(anchor) { continue }
                if onlyCategoryPages, !linksToCategoryPages(anchor) { continue }
                addCategory(from: anchor)
            }
            result.removals.record("category links (kept as categories)", box)
            box.remove()
        }
        if boxes.isEmpty {
            var lines: [Node] = []
            // Every node in `lines`; and whether a link's parent is a category line, worked out once per
            // parent (not again, reading the parent's whole text, for each of its links).
            var listed: Set<Node> = []
            var verdicts: [Node: Bool] = [:]
            func isCategoryLine(_ line: Node) -> Bool {
                if let known = verdicts[line] { return known }
                let verdict = Self.isCategoryLine(line, protected: protected)
                verdicts[line] = verdict
                return verdict
            }
            for anchor in contentRoot.descendants(.elements(named: .a)) {
                guard anchor.attribute(.href, contains: Selectors.categoryLink),
                    !anchor.attribute(.href, contains: Selectors.categoryIndexLink)
                else { continue }
                addCategory(from: anchor)
                if let line = anchor.parent, isCategoryLine(line) {
                    if listed.insert(line).inserted { lines.append(line) }
                } else {
                    listed.insert(anchor)
                    lines.append(anchor)
                }
            }
            for line in lines {
                result.removals.record("category links (kept as categories)", line)
                line.remove()
            }
        }
        // Gathered with repeats; each name once, where it first stands.
        names.removeRepeats()
        result.categories = names
    }

    /// True for an element that is a short line of category links ("Categories: A | B"), outside the
    /// article's protected nodes. (Only the opening is folded, by ASCII letters: the prefix is ASCII.)
    private static func isCategoryLine(_ line: Node, protected: NodeSet) -> Bool {
        guard !protected.contains(line) else { return false }
        let text = line.text
        return String(text.prefix(7)).asciiLowercased() == "categor" && text.characterCount < maximumBoilerplateLength
    }

    /// True for the link that labels a category box in any language ("Categories", "Kategorien",
    /// "קטגוריות"): MediaWiki prints it first, followed by a colon, then the categories.
    private static func isLabel(_ anchor: Node) -> Bool {
        guard let next = anchor.nextSibling, next.isText else { return false }
        let after = next.text
        return after.hasPrefix(":") || after.hasPrefix("：")
    }

    private static func isHiddenCategoryList(_ anchor: Node, within box: Node) -> Bool {
        var current = anchor.parent
        while let element = current, element != box {
            // Ids and classes without the word's letters (in any case) are passed over unsplit.
            if ClassWords.mayHold(hiddenCategoriesFilter, in: element),
                ClassWords.words(of: element).contains(Selectors.hiddenCategoriesWord)
            {
                return true
            }
            current = element.parent
        }
        return false
    }

    private static let hiddenCategoriesFilter = PhraseSet([Selectors.hiddenCategoriesWord])
}
