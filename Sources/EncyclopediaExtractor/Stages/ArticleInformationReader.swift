import HTMLTree

/// What a copy's article-information panel says about it.
struct ArticleInformation {
    var articleId: String?
    var catalog: Catalog?
}

/// Reads World Heritage Encyclopedia's article-information panel ("Article Id: WHEBN0000236874",
/// "Reproduction Date:", "Subject:", "Collection:", "Publisher:", …; PAGE-FAMILY.md, 4b) into the
/// source, and takes it out of the tree: it is metadata about the copy, never article text.
///
/// The panel is found from its first label's text, then widened to the smallest element around it
/// that holds the most of the panel's labels, as long as that element is short, holds no heading and
/// is not an ancestor of the article's title or body.
enum ArticleInformationReader {
    /// - Parameter cues: the text nodes holding the panel's first label ("Article Id:"), in document order.
    static func read(cues: [Node], region: ArticleRegion, log: inout RemovalLog) -> ArticleInformation {
        var information = ArticleInformation()
        var panels: [Node] = []
        for cue in cues {
            if panels.contains(where: { $0.contains(cue) }) { continue }
            guard let panel = panel(around: cue, region: region) else { continue }
            let fields = fields(in: panel.text)
            if information.articleId == nil { information.articleId = fields.articleId }
            if information.catalog == nil { information.catalog = fields.catalog }
            panels.append(panel)
        }
        for panel in panels {
            log.record("article information (kept as source.articleId and source.catalog)", panel)
            panel.remove()
        }
        return information
    }

    /// The panel holding the label at `cue`, or nil when no element around it holds enough labels.
    private static func panel(around cue: Node, region: ArticleRegion) -> Node? {
        var best: (node: Node, labels: Int)?
        var current = cue.parent
        while let element = current, !region.protected.contains(element) {
            guard element.textLength <= Selectors.articleInformationMaximumLength,
                element.firstDescendant(.elements(Selectors.headingElementNames)) == nil
            else { break }
            let labels = labelPositions(in: element.text.asciiLowercased()).count
            if labels >= Selectors.articleInformationMinimumLabels, labels > (best?.labels ?? 0) {
                best = (element, labels)
            }
            current = element.parent
        }
        return best?.node
    }

    /// Where each label of the panel starts in `lowered`, and where its value starts (after the
    /// colon), as UTF-8 offsets, in text order; a label counts only at the start of a word.
    private static func labelPositions(in lowered: String) -> [(start: Int, valueStart: Int, field: Int)] {
        var found: [(start: Int, valueStart: Int, field: Int)] = []
        let utf8 = lowered.utf8
        for (index, entry) in Selectors.articleInformationLabels.enumerated() {
            var searchFrom = lowered.startIndex
            while let range = lowered.range(of: entry.label + ":", range: searchFrom..<lowered.endIndex) {
                searchFrom = range.upperBound
                if range.lowerBound > lowered.startIndex {
                    let before = lowered[lowered.index(before: range.lowerBound)]
                    if before.isLetter || before.isNumber { continue }
                }
                found.append((utf8.distance(from: utf8.startIndex, to: range.lowerBound),
                              utf8.distance(from: utf8.startIndex, to: range.upperBound), index))
                break
            }
        }
        return found.sorted { $0.start < $1.start }
    }

    /// The panel's values by label: each runs from its label's colon to the next label.
    static func fields(in text: String) -> ArticleInformation {
        // Folding only ASCII letters keeps every UTF-8 offset of the lowered text valid in `text`.
        let positions = labelPositions(in: text.asciiLowercased())
        let utf8 = Array(text.utf8)
        var information = ArticleInformation()
        var catalog = Catalog()
        var any = false
        for (offset, position) in positions.enumerated() {
            let end = offset + 1 < positions.count ? positions[offset + 1].start : utf8.count
            let value = String(decoding: utf8[position.valueStart..<end], as: UTF8.self).trimmingSpaces()
            guard !value.isEmpty else { continue }
            let entry = Selectors.articleInformationLabels[position.field]
            guard let field = entry.field else {
                if entry.label == Selectors.articleIdLabel { information.articleId = value }
                continue
            }
            any = true
            switch field {
            case .author: catalog.author = catalog.author ?? value
            case .collection: catalog.collection = catalog.collection ?? value
            case .publicationDate: catalog.publicationDate = catalog.publicationDate ?? value
            case .publisher: catalog.publisher = catalog.publisher ?? value
            case .reproductionDate: catalog.reproductionDate = catalog.reproductionDate ?? value
            case .subject: catalog.subject = catalog.subject ?? value
            }
        }
        information.catalog = any || information.articleId != nil ? catalog : nil
        return information
    }
}
