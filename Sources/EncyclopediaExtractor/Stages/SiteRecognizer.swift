import Foundation
import HTMLTree

/// Which site served the page, and which site its article was copied from.
///
/// The serving site is judged from what the page says about itself: its hosts (the URL it was fetched
/// from, its canonical link, the browser's saved-from comment, `og:url`), `og:site_name`, the suffix of
/// its `<title>`, its logos, and, for the World Library family, the names in its licence block and
/// footer. What the page says about the article's origin ("From Wikipedia, the free encyclopedia",
/// MediaWiki's "Retrieved from https://en.wikipedia.org/…", Wikipedia's licence sentence) names the
/// upstream, never the server: a copy of Wikipedia on another site is that site's page.
enum SiteRecognizer {
    struct Recognition {
        /// The serving site's name, or nil when no known site (nor a MediaWiki wiki's own name) was found.
        var site: String?
        /// The site the article was copied from, when the page names one other than its server.
        var upstream: Upstream?
        /// The kind of the serving site's profile, when a profile matched.
        var role: SiteProfile.Role?
        /// True when the page carries a MediaWiki skin.
        var isMediaWiki: Bool
        /// True for a page of the family or a wiki, or a copy of one: what `--family-only` keeps.
        var isEncyclopediaPage: Bool
    }

    /// How much each clue counts. A host or a site name in the `<title>` suffix is strong; a name in
    /// the licence sentences is weak, since World Library pages carry World Heritage Encyclopedia's
    /// licence text.
    static let hostWeight = 5
    static let siteNameMetaWeight = 4
    static let titleWeight = 3
    static let logoWeight = 3
    static let licenceWeight = 1

    /// Each profile's names, matched in any letter case.
    static let selfNames = SiteProfile.all.map { PhraseSet($0.selfNames.map { $0.lowercased() }) }

    /// - Parameter urls: the page's own URLs (fetched, canonical, saved-from, `og:url`, the caller's).
    static func recognise(metadata: PageMetadata, urls: [String], licenceText: String, footerFound: Bool) -> Recognition {
        var scores: [Int] = Array(repeating: 0, count: SiteProfile.all.count)
        let hosts = urls.compactMap { URL(string: $0)?.host?.lowercased() }
        let titleSuffix = suffix(of: metadata.titleElement ?? "")
        for (index, (profile, names)) in zip(SiteProfile.all, selfNames).enumerated() {
            var score = 0
            if hosts.contains(where: profile.servesLowercasedHost) { score += hostWeight }
            if let siteName = metadata.openGraphSiteName, names.matches(siteName) { score += siteNameMetaWeight }
            if !titleSuffix.isEmpty, names.matches(titleSuffix) { score += titleWeight }
            if metadata.imageAlts.contains(where: names.matches) { score += logoWeight }
            // The family's licence block names its own sites; a wiki's licence sentence names the
            // upstream of every copy that keeps it.
            if profile.role == .family, names.matches(licenceText) { score += licenceWeight }
            scores[index] = score
        }
        // "World Library Foundation" in the footer names the family, and World Library itself weakly.
        if footerFound, let worldLibrary = SiteProfile.all.firstIndex(where: { $0.name == "World Library" }) {
            scores[worldLibrary] += licenceWeight
        }
        var best: Int?
        for index in scores.indices where scores[index] > 0 && scores[index] > (best.map { scores[$0] } ?? 0) { best = index }
        let server = best.map { SiteProfile.all[$0] }

        let isMediaWiki = metadata.mediaWikiMarkers.count >= 2
        var upstream = self.upstream(metadata: metadata, licenceText: licenceText)
        if let named = upstream, named.site == server?.name { upstream = nil }
        var site = server?.name
        // The wiki's own skin around the article, and no URL of another site: the wiki's own page,
        // saved without its title or canonical link.
        if server == nil, hosts.isEmpty, let named = upstream,
            metadata.mediaWikiMarkers.contains(where: Selectors.mediaWikiChromeMarkers.contains)
        {
            site = named.site
            upstream = nil
        }
        // A MediaWiki wiki of its own (a Fandom wiki), not a copy of a known one: its own name.
        if site == nil, isMediaWiki, upstream == nil,
            let name = metadata.openGraphSiteName ?? wikiName(fromTitle: metadata.titleElement)
        {
            site = name
        }
        let isEncyclopediaPage = server != nil || isMediaWiki || upstream != nil || !licenceText.isEmpty || footerFound
        return Recognition(site: site, upstream: upstream, role: server?.role, isMediaWiki: isMediaWiki,
                           isEncyclopediaPage: isEncyclopediaPage)
    }

    /// The known wiki the page says its article comes from: the host of its "Retrieved from" URL, its
    /// tagline, or its licence sentence.
    private static func upstream(metadata: PageMetadata, licenceText: String) -> Upstream? {
        let wikis = SiteProfile.all.enumerated().filter { $0.element.role == .wiki }
        if let url = metadata.retrievedFromURL, let host = URL(string: url)?.host,
            let wiki = wikis.first(where: { $0.element.servesHost(host) })
        {
            return Upstream(site: wiki.element.name, url: url)
        }
        for text in [metadata.tagline, licenceText].compactMap({ $0 }) where !text.isEmpty {
            if let wiki = wikis.first(where: { selfNames[$0.offset].matches(text) }) {
                return Upstream(site: wiki.element.name, url: nil)
            }
        }
        return nil
    }

    /// The part of a `<title>` after the article's name: " | World Library - eBooks | …" → that text.
    static func suffix(of title: String) -> String {
        // A plain ASCII title is searched on its bytes (there each byte is a character of its own, and
        // the dashes beyond ASCII cannot occur); a search by characters cost more than the rest of
        // recognising the site.
        var bytes = title
        if let found = bytes.withUTF8({ bytes -> String? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            for separator in [" | ", " - "] {
                var needle = separator
                let offset = needle.withUTF8 { ByteSearch.firstOffset(of: $0, in: bytes) }
                if let offset { return String(decoding: bytes[(offset + separator.utf8.count)...], as: UTF8.self) }
            }
            return ""
        }) {
            return found
        }
        for separator in [" | ", " - ", " — ", " – "] {
            if let range = title.firstRange(of: separator) { return String(title[range.upperBound...]) }
        }
        return ""
    }

    /// The article's name from a `<title>`: the text before the first site separator.
    static func articleName(fromTitle title: String) -> String {
        for separator in [" | ", " - ", " — ", " – "] {
            if let range = title.range(of: separator, options: .backwards) {
                let tail = title[range.upperBound...].lowercased()
                let isSite = SiteProfile.family.contains { profile in
                    profile.selfNames.contains { tail.contains($0.lowercased()) }
                }
                if isSite {
                    return articleName(fromTitle: String(title[..<range.lowerBound]))
                }
            }
        }
        if let range = title.range(of: " | ") { return String(title[..<range.lowerBound]) }
        return title
    }

    private static func wikiName(fromTitle title: String?) -> String? {
        guard let title, let range = title.range(of: " - ", options: .backwards) else { return nil }
        let name = title[range.upperBound...].trimmingSpaces()
        return name.isEmpty ? nil : name
    }
}
