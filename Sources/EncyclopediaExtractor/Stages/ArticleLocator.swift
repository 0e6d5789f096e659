import HTMLTree

/// Where the article is on the page: its title heading, the element its prose concentrates in, the
/// smallest container holding both, and what lies outside that container.
struct ArticleRegion {
    /// The article's `<h1>`, or nil when the page has none.
    var title: Node?
    /// The element whose paragraphs hold the most text.
    var bodyAnchor: Node?
    /// The smallest element holding the title and the body anchor: the body walk's region.
    var root: Node?
    /// The title, the body anchor and their ancestors: never chrome, whatever their ids say.
    var protected: NodeSet
}

/// Finds the article on a page from structure, not ids: the title heading, the body by where its
/// paragraphs' text concentrates, and their common container.
enum ArticleLocator {
    /// Paragraph-like elements shorter than this do not vote for the body container: captions,
    /// menu items and bylines run shorter, article sentences longer.
    static let minimumVotingText = 40

    /// Paragraph-like elements that vote for the body container.
    static let votingElements = HTMLNameSet(["p", "li", "dd"])

    static func locate(in document: Document) -> ArticleRegion {
        let title = findTitle(in: document)
        let bodyAnchor = findBodyAnchor(in: document)
        let root = commonAncestor(title, bodyAnchor, in: document) ?? document.root
        var protected = NodeSet(for: document)
        for node in [title, bodyAnchor].compactMap({ $0 }) {
            var current: Node? = node
            while let element = current {
                protected.insert(element)
                current = element.parent
            }
        }
        return ArticleRegion(title: title, bodyAnchor: bodyAnchor, root: root, protected: protected)
    }

    /// The article's `<h1>`: MediaWiki's `firstHeading` if present, else the first `<h1>` that is
    /// not a site's name (some sites put their logo in an `<h1>`).
    static func findTitle(in document: Document) -> Node? {
        guard let root = document.root else { return nil }
        var first: Node?
        for node in root.descendants(.elements(named: .h1)) {
            if node.attribute(.id, equals: Selectors.titleHeadingID) || node.hasClassToken(Selectors.titleHeadingClass) {
                return node
            }
            let text = node.text.fastLowercased()
            guard BlockReader.hasWords(text) else { continue }
            let isSiteName = SiteProfile.family.contains { $0.selfNames.contains { $0.lowercased() == text } }
            if !isSiteName, first == nil { first = node }
        }
        return first
    }

    /// The element whose paragraphs hold the most text (each paragraph votes for its parent, and half
    /// as much for its grandparent).
    static func findBodyAnchor(in document: Document) -> Node? {
        guard let root = document.root else { return nil }
        // Scores by node number; nodes are numbered in document order, so the first highest score
        // found in number order is the first in the document.
        var scores = [Int](repeating: 0, count: document.nodeCount)
        var voters: [Node] = []
        for node in root.descendants(.elements(votingElements)) {
            let length = node.textLength
            guard length >= minimumVotingText, let parent = node.parent else { continue }
            scores[parent.ordinal] += length
            voters.append(parent)
            if let grandparent = parent.parent {
                scores[grandparent.ordinal] += length / 2
                voters.append(grandparent)
            }
        }
        var best: Node?
        var bestScore = 0
        for node in voters where node != root {
            let score = scores[node.ordinal]
            if score > bestScore || (score == bestScore && node.ordinal < (best?.ordinal ?? Int.max)) {
                best = node
                bestScore = score
            }
        }
        return best
    }

    private static func commonAncestor(_ first: Node?, _ second: Node?, in document: Document) -> Node? {
        guard let first else { return second }
        guard let second else { return first.parent ?? first }
        var current: Node? = first
        while let candidate = current {
            if candidate.contains(second) { return candidate }
            current = candidate.parent
        }
        return document.root
    }

    /// Records what lies outside the article's container (side columns, header, footer menus) and,
    /// inside it, before the title (article tools), so `encx inspect` can show every removal.
    static func recordOutside(of region: ArticleRegion, in log: inout RemovalLog) {
        guard log.enabled, let root = region.root else { return }
        func record(_ node: Node, _ rule: String) {
            guard node.isElement else { return }
            let excerpt = Removal.excerpt(of: node)
            guard !excerpt.isEmpty else { return }
            log.record(rule, element: node.name, excerpt: excerpt)
        }
        var current = root
        while let parent = current.parent {
            for sibling in parent.childElements where sibling != current { record(sibling, "outside the article's container") }
            current = parent
        }
        if let title = region.title {
            var node = root.firstChild
            while let visiting = node, !visiting.contains(title) {
                if !(visiting.precedes(title)) { break }
                record(visiting, "before the article's title (site chrome, article tools)")
                node = visiting.nextSibling
            }
            // Inside the container, the title's own ancestors may hold tools before it too.
            var ancestor = title.parent
            while let element = ancestor, element != root {
                var sibling = element.firstChild
                while let visiting = sibling, !visiting.contains(title) {
                    record(visiting, "before the article's title (site chrome, article tools)")
                    sibling = visiting.nextSibling
                }
                ancestor = element.parent
            }
        }
    }
}
