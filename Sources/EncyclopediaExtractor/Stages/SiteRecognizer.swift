import Foundation
import HTMLTree

/// Which site served the page, judged from hosts, the title's suffix, logos and licence wording.
enum SiteRecognizer {
    struct Recognition {
        var site: String?
        var isFamily: Bool
        var isMediaWiki: Bool
    }

    /// How much each clue counts. A host or a site name in the `<title>` suffix is strong; a name in
    /// the licence sentences is weak, since World Library pages carry World Heritage Encyclopedia's
    /// licence text.
    static let hostWeight = 5
    static let siteNameMetaWeight = 4
    static let titleWeight = 3
    static let logoWeight = 3
    static let licenceWeight = 1

    /// Each family profile's names, matched in any letter case.
    static let selfNames = SiteProfile.family.map { PhraseSet($0.selfNames.map { $0.lowercased() }) }

    static func recognise(metadata: PageMetadata, urls: [String], licenceText: String, footerFound: Bool) -> Recognition {
        var scores: [String: Int] = [:]
        let hosts = urls.compactMap { URL(string: $0)?.host?.lowercased() }
        let titleSuffix = suffix(of: metadata.titleElement ?? "")
        for (profile, names) in zip(SiteProfile.family, selfNames) {
            var score = 0
            if hosts.contains(where: profile.servesHost) { score += hostWeight }
            if let siteName = metadata.openGraphSiteName, names.matches(siteName) { score += siteNameMetaWeight }
            if !titleSuffix.isEmpty, names.matches(titleSuffix) { score += titleWeight }
            if metadata.imageAlts.contains(where: names.matches) { score += logoWeight }
            if names.matches(licenceText) { score += licenceWeight }
            if score > 0 { scores[profile.name] = score }
        }
        // "World Library Foundation" in the footer names the family, and World Library itself weakly.
        if footerFound { scores["World Library", default: 0] += licenceWeight }
        let best = SiteProfile.family.filter { scores[$0.name] != nil }
            .max { (scores[$0.name] ?? 0) < (scores[$1.name] ?? 0) }
        let isMediaWiki = metadata.mediaWikiMarkers.count >= 2
        let isFamily = (best?.isWorldLibraryFamily ?? false) || !licenceText.isEmpty || footerFound
        var site = best?.name
        if site == nil, isMediaWiki, let name = metadata.openGraphSiteName ?? wikiName(fromTitle: metadata.titleElement) {
            site = name
        }
        return Recognition(site: site, isFamily: isFamily || best != nil, isMediaWiki: isMediaWiki)
    }

    /// The part of a `<title>` after the article's name: " | World Library - eBooks | …" → that text.
    static func suffix(of title: String) -> String {
        for separator in [" | ", " - ", " — ", " – "] {
            if let range = title.range(of: separator) { return String(title[range.upperBound...]) }
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
