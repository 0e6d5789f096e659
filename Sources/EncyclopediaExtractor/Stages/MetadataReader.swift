import HTMLTree

/// What the page says about itself in its `<head>` and markup, read before anything is removed.
struct PageMetadata {
    var titleElement: String?
    var language: String?
    var canonicalURL: String?
    var openGraphURL: String?
    var openGraphSiteName: String?
    /// Alt texts and titles of images (logos name their site).
    var imageAlts: [String] = []
    /// Markers of a MediaWiki skin found in the page (`mw-navigation`, `catlinks`, …).
    var mediaWikiMarkers: [String] = []
    /// The URL of MediaWiki's "Retrieved from" line (`printfooter`): the page the article was read from.
    var retrievedFromURL: String?
    /// The line under the title (`siteSub`: "From Wikipedia, the free encyclopedia").
    var tagline: String?
}

/// Reads ``PageMetadata`` in one pass over the elements.
enum MetadataReader {
    /// The skin markers in any case, to rule out ids and classes before splitting them.
    static let skinMarkerFilter = PhraseSet(Selectors.mediaWikiSkinMarkers.sorted().map { $0.lowercased() })

    /// The elements that say something about the page: its title, links, meta tags and images.
    static let metadataElements = HTMLNameSet(["title", "link", "meta", "img"])

    static func read(_ document: Document) -> PageMetadata {
        var metadata = PageMetadata()
        guard let root = document.root else { return metadata }
        if let lang = root.attribute(.lang) ?? root.attribute(.xmlLang), !lang.isEmpty {
            metadata.language = lang.trimmingSpaces()
        }
        for node in root.descendants(.elements(metadataElements)) {
            guard let name = node.elementName else { continue }
            switch name {
            case .title:
                if metadata.titleElement == nil { metadata.titleElement = node.text }
            case .link:
                if let rel = node.attribute(.rel)?.lowercased(), rel.spaceSeparatedWords().contains("canonical"),
                    let href = node.attribute(.href), !href.isEmpty, metadata.canonicalURL == nil
                {
                    metadata.canonicalURL = href.trimmingSpaces()
                }
            case .meta:
                let property = (node.attribute(.property) ?? node.attribute(.name) ?? "").lowercased()
                let equiv = (node.attribute(.httpEquiv) ?? "").lowercased()
                let content = node.attribute(.content)?.trimmingSpaces()
                if property == "og:url", metadata.openGraphURL == nil { metadata.openGraphURL = content }
                if property == "og:site_name", metadata.openGraphSiteName == nil { metadata.openGraphSiteName = content }
                if equiv == "content-language" || property == "language" || property == "dc.language",
                    metadata.language == nil, let content, !content.isEmpty
                {
                    metadata.language = content
                }
            default:
                if let alt = node.attribute(.alt), !alt.isEmpty { metadata.imageAlts.append(alt) }
            }
        }
        // Ids and classes that hold no skin marker (in any case) are passed over unsplit.
        var seenMarkers: Set<String> = []
        for node in root.descendants(.elements(withAttribute: [.id, .class], containing: skinMarkerFilter)) {
            for attribute in [HTMLName.id, .class] {
                guard let value = node.attribute(attribute) else { continue }
                for word in value.spaceSeparatedWords() where Selectors.mediaWikiSkinMarkers.contains(String(word)) {
                    if seenMarkers.insert(String(word)).inserted { metadata.mediaWikiMarkers.append(String(word)) }
                    if word == "printfooter", metadata.retrievedFromURL == nil {
                        metadata.retrievedFromURL = firstAbsoluteLink(in: node)
                    }
                    if word == "siteSub", metadata.tagline == nil {
                        let text = node.text
                        if !text.isEmpty { metadata.tagline = text }
                    }
                }
            }
        }
        return metadata
    }

    /// The first link out of the page (`http:`, `https:` or protocol-relative) inside `node`.
    private static func firstAbsoluteLink(in node: Node) -> String? {
        for anchor in node.descendants(.elements(named: .a)) {
            guard let href = anchor.attribute(.href)?.trimmingSpaces() else { continue }
            if href.hasPrefix("//") { return "https:" + href }
            if href.lowercased().hasPrefix("http://") || href.lowercased().hasPrefix("https://") { return href }
        }
        return nil
    }
}
