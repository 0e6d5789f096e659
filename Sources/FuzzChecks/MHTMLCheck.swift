import EncyclopediaExtractor
import FuzzSupport

/// FuzzMHTML: the MHTML reader and the quoted-printable decoder on the input as it is, then a message
/// the input describes (``MHTMLRecipe``), which must unpack to the page it was built around.
public enum MHTMLCheck {
    public static func check(_ bytes: [UInt8]) throws(InvariantFailure) {
        try readsAnyBytes(bytes)
        var input = FuzzedBytes(bytes)
        try unpacks(MHTMLRecipe(&input))
    }

    /// Any bytes: a typed error or a page no longer than the message (decoding never grows the text);
    /// quoted-printable written by an encoder decodes back to the bytes encoded.
    static func readsAnyBytes(_ bytes: [UInt8]) throws(InvariantFailure) {
        _ = MHTMLPage.looksLikeMHTML(bytes)
        if case let .success(page) = Result(catching: { () throws(MHTMLError) in try MHTMLPage(bytes) }) {
            try require(page.html.count <= bytes.count, "a page of \(page.html.count) bytes from a message of \(bytes.count)")
        }
        let decoded = MHTMLPage.quotedPrintable(bytes)
        try require(decoded.count <= bytes.count, "quoted-printable decoding grew \(bytes.count) bytes to \(decoded.count)")
        // Soft line breaks as mail writes them (CRLF) for even lengths, as Unix tools do (LF) for odd ones.
        let lineEnd = bytes.count % 2 == 0 ? "\r\n" : "\n"
        let encoded = MHTMLRecipe.quotedPrintable(bytes, lineLength: 76, lineEnd: lineEnd)
        try require(MHTMLPage.quotedPrintable(encoded) == bytes,
                    "quoted-printable (lines ending \(lineEnd.debugDescription)) does not decode to what was encoded")
    }

    /// A message built around a page unpacks to that page, its charset and its location.
    static func unpacks(_ recipe: MHTMLRecipe) throws(InvariantFailure) {
        try require(MHTMLPage.looksLikeMHTML(recipe.bytes) == recipe.looksLikeMHTML,
                    "looksLikeMHTML says \(!recipe.looksLikeMHTML) for a message built with looksLikeMHTML \(recipe.looksLikeMHTML)")
        let page: MHTMLPage
        switch Result(catching: { () throws(MHTMLError) in try MHTMLPage(recipe.bytes) }) {
        case let .success(unpacked): page = unpacked
        case let .failure(error):
            try require(!recipe.isUnambiguous, "a message built around a page is refused: \(error.reason)")
            return
        }
        guard recipe.isUnambiguous else { return }
        try require(page.html == recipe.html,
                    "the page unpacks to \(page.html.count) bytes, not the \(recipe.html.count) it was built with: \(String(decoding: page.html.prefix(60), as: UTF8.self).debugDescription)")
        try require(page.charset == recipe.charset, "charset \(page.charset ?? "nil"), built with \(recipe.charset ?? "nil")")
        try require(page.location == recipe.location, "location \(page.location ?? "nil"), built with \(recipe.location ?? "nil")")
    }
}
