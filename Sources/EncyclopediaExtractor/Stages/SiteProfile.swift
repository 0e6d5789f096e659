/// A site of the page family, described as data: the names and hosts it shows itself by.
///
/// Recognition never rests on one id: a site is recognised from its host, the suffix of its
/// `<title>`, its logo's alt text, and the self-naming sentences of its licence block and footer.
public struct SiteProfile: Sendable, Equatable {
    /// The site's name as `source.site` reports it.
    public let name: String
    /// Host names (and their `www.` forms) the site served from.
    public let hosts: [String]
    /// Names the site used for itself in titles, logos and licence text.
    public let selfNames: [String]
    /// True for the World Library family; false for upstream wikis (MediaWiki skins).
    public let isWorldLibraryFamily: Bool

    /// The sister sites, in the order ties are broken.
    public static let family: [SiteProfile] = [
        SiteProfile(
            name: "World Library", hosts: ["worldlibrary.org", "worldlibrary.net"],
            selfNames: ["World Library", "WorldLibrary"], isWorldLibraryFamily: true),
        SiteProfile(
            name: "World Heritage Encyclopedia", hosts: ["worldheritage.org"],
            selfNames: ["World Heritage Encyclopedia"], isWorldLibraryFamily: true),
        SiteProfile(
            name: "Project Gutenberg Self-Publishing Press", hosts: ["self.gutenberg.org"],
            selfNames: ["Project Gutenberg Self-Publishing Press", "Project Gutenberg Self-Publishing",
                        "Self-Publishing Press"],
            isWorldLibraryFamily: true),
        SiteProfile(
            name: "eBook Library", hosts: ["ebooklibrary.org"], selfNames: ["eBook Library", "eBookLibrary"],
            isWorldLibraryFamily: true),
        SiteProfile(
            name: "netLibrary", hosts: ["netlibrary.net"], selfNames: ["netLibrary", "Net Library"],
            isWorldLibraryFamily: true),
        SiteProfile(
            name: "World Public Library", hosts: ["worldpubliclibrary.org"],
            selfNames: ["World Public Library"], isWorldLibraryFamily: true),
        SiteProfile(
            name: "Wikipedia", hosts: ["wikipedia.org"], selfNames: ["Wikipedia"], isWorldLibraryFamily: false),
    ]

    /// True when `host` is one of the site's hosts or a subdomain of one (`en.wikipedia.org`).
    func servesHost(_ host: String) -> Bool {
        let lowered = host.lowercased()
        return hosts.contains { lowered == $0 || lowered.hasSuffix("." + $0) }
    }
}
