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
    var removals: [Removal] = []
}

/// Takes out what is never article content (scripts, styles, form controls, comments), and finds the
/// licence block, the site footer and the category links.
enum Cleaner {
    /// Removes junk elements and comments everywhere, recording each removal rule once per element name.
    static func removeJunk(from document: Document, removals: inout [Removal]) {
        guard let root = document.root else { return }
        var doomed: [(Node, String)] = []
        for node in root.descendants(.elementsAndComments(Selectors.junkElementNames)) {
            doomed.append((node, node.isElement ? node.name : "comment"))
        }
        var counts: [String: Int] = [:]
        var order: [String] = []
        for (node, rule) in doomed {
            if counts[rule] == nil { order.append(rule) }
            counts[rule, default: 0] += 1
            node.remove()
        }
        for name in order {
            let count = counts[name] ?? 0
            let rule = name == "comment" ? "comments" : "never article content (scripts, styles, forms, embeds)"
            removals.append(Removal(rule: rule, element: name, excerpt: "\(count) removed"))
        }
    }

    /// Block-level elements a licence sentence is looked up from.
    private static let blockNames = HTMLNameSet([
        "p", "div", "td", "th", "li", "center", "section", "table", "tr", "tbody", "ul", "ol", "dd", "blockquote",
        "span", "font", "small", "form", "body",
    ])

    /// Every licence and footer sentence marker.
    private static let boilerplateMarkers = PhraseSet(Selectors.licenceMarkers + Selectors.footerMarkers)
    private static let licenceMarkers = PhraseSet(Selectors.licenceMarkers)
    private static let footerMarkers = PhraseSet(Selectors.footerMarkers)
    private static let anchors = PhraseSet(Selectors.boilerplateAnchors)
    /// A link to a category page ("Category:Hamlets", "/category:…"), and to the index of all categories.
    private static let categoryLink = PhraseSet(["category:"])
    /// The words that name a category box, found in raw ids and classes before they are split.
    private static let categoryBoxWords = PhraseSet(["catlinks", "categories"])
    private static let categoryIndexLink = PhraseSet(["special:categories"])

    /// The most text a licence or footer block can hold; the family's licence block is about 1,300
    /// characters, so a block several times that size is an article container that holds it.
    static let maximumBoilerplateLength = 4000

    /// Finds licence and footer blocks (not removed: the body walk skips them) and reads the licence.
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
            result.removals.append(Removal(
                rule: isLicence ? "licence block (kept as metadata)" : "site footer", element: unit.name,
                excerpt: String(unitText.prefix(Removal.excerptLength))))
        }
        result.boilerplate.sort { $0.precedes($1) }
        licenceBlocks.removeAll { block in !result.boilerplate.contains(block) }
        guard !licenceBlocks.isEmpty else { return }
        licenceBlocks.sort { $0.precedes($1) }
        var attribution = TextBuffer()
        var deedURL: String?
        for block in licenceBlocks {
            var text = unitTexts[block] ?? block.text
            // A block holding both the licence sentences and the footer gives only the licence.
            if let footer = footerMarkers.firstMatch(in: text) {
                text = String(decoding: text.utf8.prefix(footer.offset), as: UTF8.self)
                result.footerFound = true
            }
            attribution.append(text)
            attribution.appendSpace()
            for anchor in block.descendants(.elements(named: .a)) {
                if let href = anchor.attribute(.href), href.contains("creativecommons.org/licenses/"), deedURL == nil {
                    deedURL = href
                }
            }
        }
        result.licenceText = attribution.take()
        result.license = license(attribution: result.licenceText, deedURL: deedURL)
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

    /// Names the licence from its deed URL (`…/licenses/by-sa/3.0/` → "CC BY-SA 3.0") or its wording.
    static func license(attribution: String, deedURL written: String?) -> License? {
        // Saved pages keep protocol-relative links ("//creativecommons.org/…").
        let deedURL = written.map { $0.hasPrefix("//") ? "https:" + $0 : $0 }
        if let deedURL, let range = deedURL.range(of: "/licenses/") {
            let parts = deedURL[range.upperBound...].split(separator: "/").map(String.init)
            if let kind = parts.first {
                let version = parts.count > 1 ? " " + parts[1] : ""
                return License(name: "CC " + kind.uppercased() + version, url: deedURL, attribution: attribution)
            }
        }
        // Only ASCII phrases are looked for: folding ASCII letters is enough, and far cheaper than
        // `lowercased()` on a long licence text holding "©" or other non-ASCII characters.
        let lowered = attribution.asciiLowercased()
        if let range = lowered.range(of: "attribution-sharealike") {
            // "Attribution-ShareAlike 4.0 License", "Attribution-ShareAlike License 4.0": a version
            // written within a few words says which; the family's pages (2011–2016) mean 3.0.
            let window = lowered[range.upperBound...].prefix(24)
            let words = window.split(whereSeparator: { $0 == " " || $0 == ";" || $0 == "," || $0 == "\u{00A0}" })
            if let version = words.first(where: { $0.count == 3 && $0.first?.isNumber == true && $0.dropFirst().first == "." }) {
                return License(name: "CC BY-SA \(version)", url: "https://creativecommons.org/licenses/by-sa/\(version)/",
                               attribution: attribution)
            }
            return License(name: Selectors.familyLicenceName, url: Selectors.familyLicenceURL, attribution: attribution)
        }
        if lowered.contains("this article is issued from wikipedia") {
            return License(name: Selectors.familyLicenceName, url: Selectors.familyLicenceURL, attribution: attribution)
        }
        if lowered.contains("gnu free documentation license") {
            return License(name: "GFDL", url: "http://www.gnu.org/copyleft/fdl.html", attribution: attribution)
        }
        return License(name: "unknown", url: nil, attribution: attribution)
    }

    /// Reads category names and removes the category boxes (and loose category lines) from the tree.
    /// Category boxes are `catlinks` anywhere (MediaWiki puts them below the body container), or
    /// elements whose id or class says "categories" inside the article's container.
    static func readCategories(
        in document: Document, contentRoot: Node, protected: NodeSet, result: inout CleaningResult
    ) {
        guard let root = document.root else { return }
        var boxes: [Node] = []
        for node in root.descendants(.elements(withAttribute: [.class, .id], containing: categoryBoxWords)) {
            let words = ClassWords.words(of: node)
            if words.contains("catlinks")
                || (words.contains("categories") && !protected.contains(node) && contentRoot.contains(node))
            {
                if !boxes.contains(where: { $0.contains(node) }) { boxes.append(node) }
            }
        }
        var names: [String] = []
        func addCategory(from anchor: Node) {
            let name = anchor.text
            let lowered = name.lowercased()
            guard !name.isEmpty, lowered != "categories", lowered != "category" else { return }
            if !names.contains(name) { names.append(name) }
        }
        for box in boxes {
            for anchor in box.descendants(.elements(named: .a)) {
                if isHiddenCategoryList(anchor, within: box) { continue }
                if anchor.attribute(.href, contains: categoryIndexLink) { continue }
                addCategory(from: anchor)
            }
            result.removals.append(Removal(rule: "category links (kept as categories)", element: box.name,
                                           excerpt: Removal.excerpt(of: box)))
            box.remove()
        }
        if boxes.isEmpty {
            var lines: [Node] = []
            for anchor in contentRoot.descendants(.elements(named: .a)) {
                guard anchor.attribute(.href, contains: categoryLink), !anchor.attribute(.href, contains: categoryIndexLink) else { continue }
                addCategory(from: anchor)
                if let line = anchor.parent, !protected.contains(line),
                    line.text.lowercased().hasPrefix("categor"), line.text.characterCount < maximumBoilerplateLength
                {
                    if !lines.contains(line) { lines.append(line) }
                } else {
                    lines.append(anchor)
                }
            }
            for line in lines {
                result.removals.append(Removal(rule: "category links (kept as categories)", element: line.name,
                                               excerpt: Removal.excerpt(of: line)))
                line.remove()
            }
        }
        result.categories = names
    }

    private static func isHiddenCategoryList(_ anchor: Node, within box: Node) -> Bool {
        var current = anchor.parent
        while let element = current, element != box {
            if ClassWords.words(of: element).contains("hidden") { return true }
            current = element.parent
        }
        return false
    }
}
