/// A site that serves encyclopedia pages, described as data: the names and hosts it shows itself by,
/// and what kind of site it is.
///
/// Recognition never rests on one id: a site is recognised from its host, the suffix of its
/// `<title>`, its `og:site_name`, its logo's alt text, and (for the World Library family) the
/// self-naming sentences of its licence block and footer. Adding a site or a mirror is adding a
/// profile here, with a fixture or a test.
public struct SiteProfile: Sendable, Equatable {
    /// What kind of site a profile describes.
    public enum Role: Sendable, Equatable {
        /// A sister site of the World Library family (a mirror of Wikipedia in its own chrome).
        case family
        /// A wiki serving its own pages (Wikipedia in every language, other MediaWiki wikis).
        case wiki
        /// Another site re-hosting Wikipedia's articles (answers.com and the like).
        case mirror
    }

    /// The site's name as `source.site` reports it.
    public let name: String
    /// Host names (and their subdomains: `en.wikipedia.org`) the site served from.
    public let hosts: [String]
    /// Names the site used for itself in titles, logos and licence text.
    public let selfNames: [String]
    /// What kind of site it is.
    public let role: Role

    /// True for the World Library family.
    public var isWorldLibraryFamily: Bool { role == .family }

    /// Every known site, in the order ties are broken.
    public static let all: [SiteProfile] = family + wikis + mirrors

    /// The sister sites of the World Library family.
    public static let family: [SiteProfile] = [
        SiteProfile(
            name: "World Library", hosts: ["worldlibrary.org", "worldlibrary.net"],
            selfNames: ["World Library", "WorldLibrary"], role: .family),
        SiteProfile(
            name: "World Heritage Encyclopedia", hosts: ["worldheritage.org"],
            selfNames: ["World Heritage Encyclopedia"], role: .family),
        SiteProfile(
            name: "Project Gutenberg Self-Publishing Press", hosts: ["self.gutenberg.org"],
            selfNames: ["Project Gutenberg Self-Publishing Press", "Project Gutenberg Self-Publishing",
                        "Self-Publishing Press"],
            role: .family),
        SiteProfile(
            name: "eBook Library", hosts: ["ebooklibrary.org"], selfNames: ["eBook Library", "eBookLibrary"],
            role: .family),
        SiteProfile(
            name: "netLibrary", hosts: ["netlibrary.net"], selfNames: ["netLibrary", "Net Library"], role: .family),
        SiteProfile(
            name: "World Public Library", hosts: ["worldpubliclibrary.org"],
            selfNames: ["World Public Library"], role: .family),
    ]

    /// Wikis whose pages the family copies. Other MediaWiki wikis (a Fandom wiki, a company wiki) are
    /// named by their own `og:site_name` or title suffix.
    public static let wikis: [SiteProfile] = [
        SiteProfile(
            name: "Wikipedia", hosts: ["wikipedia.org"],
            selfNames: ["Wikipedia", "Wikipédia", "Wikipedii", "Википедия", "Вікіпедія", "ויקיפדיה", "ويكيبيديا",
                        "维基百科", "維基百科", "ウィキペディア"],
            role: .wiki),
    ]

    /// Sites known to re-host Wikipedia's articles in their own chrome.
    public static let mirrors: [SiteProfile] = [
        SiteProfile(name: "Answers.com", hosts: ["answers.com"], selfNames: ["Answers.com"], role: .mirror),
        SiteProfile(name: "Wikiwand", hosts: ["wikiwand.com"], selfNames: ["Wikiwand"], role: .mirror),
        SiteProfile(name: "TheFreeDictionary", hosts: ["thefreedictionary.com"],
                    selfNames: ["TheFreeDictionary", "The Free Dictionary"], role: .mirror),
        SiteProfile(name: "BookRags", hosts: ["bookrags.com"], selfNames: ["BookRags"], role: .mirror),
        SiteProfile(name: "AllExperts", hosts: ["allexperts.com"], selfNames: ["AllExperts"], role: .mirror),
        SiteProfile(name: "Wikiwix", hosts: ["wikiwix.com"], selfNames: ["Wikiwix"], role: .mirror),
        SiteProfile(name: "Infogalactic", hosts: ["infogalactic.com"], selfNames: ["Infogalactic"], role: .mirror),
        SiteProfile(name: "Everybodywiki", hosts: ["everybodywiki.com"], selfNames: ["EverybodyWiki"], role: .mirror),
    ]

    /// The profile named `name`.
    static func named(_ name: String) -> SiteProfile? { all.first { $0.name == name } }

    /// True when `host` is one of the site's hosts or a subdomain of one (`en.wikipedia.org`).
    func servesHost(_ host: String) -> Bool {
        servesLowercasedHost(host.lowercased())
    }

    /// The same for a host already lowercased.
    func servesLowercasedHost(_ host: String) -> Bool {
        hosts.contains { served in
            host == served || (host.utf8.count > served.utf8.count && host.hasSuffix(served)
                && host.utf8.dropLast(served.utf8.count).last == UInt8(ascii: "."))
        }
    }
}
