@testable import EncyclopediaExtractor
import Testing

/// WARC record headers are parsed as bytes; the fields must be those the text path gives for the same
/// lines, whatever the spacing, case, repeats and non-ASCII bytes.
@Suite struct HeaderFieldsTests {
    static let lines: [String] = [
        "WARC-Type: response",
        "Content-Length:\t 1234 \u{0B}",
        "  WARC-Target-URI :  <http://example.org/a b>  ",
        "content-length: 99",                       // a repeat: the first wins
        "no colon here",
        ":",
        "X-Empty:",
        "X-Unicode: caf\u{E9}\u{A0}",               // a no-break space trimmed by the text path
        "K\u{212A}y: kelvin",                        // the Kelvin sign lowercases to "k" as text
        "\u{A0}WARC-Date: 2026-01-10T10:00:00Z",
        "WARC-Record-ID:<urn:uuid:1>\r",
    ]

    @Test func bytesAndTextGiveTheSameFields() {
        let text = HeaderFields.parse(Self.lines)
        let bytes = HeaderFields.parse(byteLines: Self.lines.map { ArraySlice(Array($0.utf8)) })
        #expect(bytes == text)
        #expect(bytes["content-length"] == "1234")
        #expect(bytes["warc-target-uri"] == "<http://example.org/a b>")
        #expect(bytes["x-unicode"] == "caf\u{E9}")
        #expect(bytes["x-empty"] == "")
    }
}
