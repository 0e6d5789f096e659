/// A character encoding a page can be decoded from, named by its canonical lowercase label.
public struct TextEncoding: Hashable, Sendable, CustomStringConvertible {
    /// The canonical lowercase name, e.g. `utf-8` or `windows-1252`.
    public let name: String

    /// Creates an encoding from a name the caller vouches for; prefer ``init(label:)`` for page input.
    public init(name: String) {
        self.name = name
    }

    /// UTF-8.
    public static let utf8 = TextEncoding(name: "utf-8")
    /// UTF-16, little-endian.
    public static let utf16LittleEndian = TextEncoding(name: "utf-16le")
    /// UTF-16, big-endian.
    public static let utf16BigEndian = TextEncoding(name: "utf-16be")
    /// windows-1252, which browsers also use for pages declared ISO-8859-1 or US-ASCII.
    public static let windows1252 = TextEncoding(name: "windows-1252")

    /// Labels browsers decode as windows-1252 (the WHATWG Encoding Standard's list).
    static let windows1252Labels: Set<String> = [
        "ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1", "iso-ir-100",
        "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1", "us-ascii", "windows-1252",
        "x-cp1252",
    ]
    /// Labels decoded as UTF-8. A `<meta>` that claims UTF-16 is read as UTF-8, as browsers do: a page
    /// whose declaration could be read as ASCII is not UTF-16.
    static let utf8Labels: Set<String> = [
        "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8", "utf-16", "utf-16le", "utf-16be", "unicode",
    ]

    /// Maps a label as pages write it (`ISO-8859-1`, `"utf8"`, `Windows-1251`) to an encoding:
    /// the windows-1252 and UTF-8 families to those two, any other label to itself, lowercased.
    /// Whether another label can be decoded is decided when decoding (libxml2's iconv converters).
    public init(label: String) {
        let folded = label.trimmingASCIIWhitespace().lowercased()
        if Self.windows1252Labels.contains(folded) {
            self = .windows1252
        } else if Self.utf8Labels.contains(folded) {
            self = .utf8
        } else {
            self.name = folded
        }
    }

    public var description: String { name }
}

extension String {
    func trimmingASCIIWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" || first == "\n" || first == "\r" {
            scalars.removeFirst()
        }
        while let last = scalars.last, last == " " || last == "\t" || last == "\n" || last == "\r" {
            scalars.removeLast()
        }
        return String(scalars)
    }
}
