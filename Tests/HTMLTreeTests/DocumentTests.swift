import Foundation
import Testing
@testable import HTMLTree

@Suite struct DocumentTests {
    @Test func savedFromCommentGivesTheURL() throws {
        let html = "<!-- saved from url=(0052)http://www.worldlibrary.org/articles/anti-party_group -->\r\n<html><body><h1>A</h1></body></html>"
        let document = try Document(bytes: Array(html.utf8))
        #expect(document.savedFromURL == "http://www.worldlibrary.org/articles/anti-party_group")
    }

    @Test func savedFromCommentAfterTheDoctypeWithAWrongLength() throws {
        let html = "<!DOCTYPE html><!-- saved from url=(0010)http://example.org/a/b?x=1-->\n<p>x</p>"
        let document = try Document(bytes: Array(html.utf8))
        #expect(document.savedFromURL == "http://example.org/a/b?x=1")
    }

    /// The marker search finds the first occurrence a byte-by-byte comparison finds: at the start, at
    /// the very end, cut off by the end, repeated, after near misses, and in a slice not at index 0.
    @Test func theMarkerSearchFindsTheFirstOccurrence() {
        let marker = Array("saved from url=(".utf8)
        func naive(_ bytes: ArraySlice<UInt8>) -> Int? {
            guard bytes.count >= marker.count else { return nil }
            return (bytes.startIndex...(bytes.endIndex - marker.count)).first { bytes[$0..<($0 + marker.count)].elementsEqual(marker) }
        }
        let pieces = ["saved from url=(", "saved from url=", "s", "saved", " ", "<!-- ", "x", "\r\n", "ssaved from url=(("]
        var state: UInt64 = 20261204
        func random(_ count: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(count))
        }
        var found = 0
        for _ in 0..<3000 {
            let text = Array((0..<random(7)).map { _ in pieces[random(pieces.count)] }.joined().utf8)
            let from = text.isEmpty ? 0 : random(min(text.count, 3))
            let slice = text[from...]
            #expect(SavedFromComment.firstRange(of: marker, in: slice) == naive(slice), "\(String(decoding: slice, as: UTF8.self))")
            if naive(slice) != nil { found += 1 }
        }
        #expect(found > 300)
    }

    @Test func noSavedFromCommentMeansNil() throws {
        #expect(try Document(bytes: Array("<p>saved from nothing</p>".utf8)).savedFromURL == nil)
    }

    @Test func tagSoupIsRecovered() throws {
        let html = """
            <HTML><BODY><CENTER><FONT size=2>Intro</FONT></CENTER>
            <P>First paragraph<P>Second <B>bold</I> text</B>
            <UL><LI>one<LI>two</UL></DIV></SPAN>
            <TABLE><TR><TD>cell<TD>other</TABLE><p>last
            """
        let document = try Document(bytes: Array(html.utf8))
        let paragraphs = try document.select("//p").map(\.text)
        #expect(paragraphs == ["First paragraph", "Second bold text", "last"])
        #expect(try document.select("//li").map(\.text) == ["one", "two"])
        #expect(try document.select("//td").map(\.text) == ["cell", "other"])
        #expect(document.truncation == nil)
    }

    private func nested(_ depth: Int) -> [UInt8] {
        Array(("<html><body>" + String(repeating: "<div>", count: depth) + "deep"
            + String(repeating: "</div>", count: depth) + "<p id='after'>after</p></body></html>").utf8)
    }

    @Test func depthTruncationIsReported() throws {
        let document = try Document(bytes: nested(300))
        let truncation = try #require(document.truncation)
        #expect(truncation.depthLimit == 256)
        #expect(truncation.libxml2Message.contains("depth"))
        #expect(try document.select("//p[@id='after']").isEmpty)
    }

    @Test func deepNestingIsKeptWhenAllowed() throws {
        let document = try Document(bytes: nested(300), options: ParseOptions(allowsDeepNesting: true))
        #expect(document.truncation == nil)
        #expect(try document.select("//p[@id='after']").map(\.text) == ["after"])
    }

    @Test func shallowPagesAreNotTruncated() throws {
        #expect(try Document(bytes: nested(200)).truncation == nil)
    }

    @Test(arguments: [
        ([UInt8](), "empty-input"),
        (Array("  \r\n\t ".utf8), "whitespace-only"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "not-html"),
        (Array("%PDF-1.4\n%âãÏÓ\n1 0 obj".utf8), "not-html"),
        ([0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0], "not-html"),
        (Array("just a line of text, no markup at all".utf8), "not-html"),
        ([0x01, 0x02, 0x03, 0x3C, 0x04, 0x05, 0x06, 0x07, 0x10, 0x11, 0x12], "undecodable"),
    ])
    func badInputIsATypedErrorNamingTheInput(bytes: [UInt8], code: String) {
        #expect {
            _ = try Document(bytes: bytes, input: "samples/bad.html")
        } throws: { error in
            guard let error = error as? DocumentError else { return false }
            return error.code == code && error.description.hasPrefix("samples/bad.html: ")
        }
    }

    @Test func oversizeInputIsRefused() {
        let bytes = Array("<p>".utf8) + [UInt8](repeating: 0x61, count: 2000)
        #expect(throws: DocumentError(input: "big.html", reason: .tooLarge(size: 2003, limit: 1000))) {
            _ = try Document(bytes: bytes, input: "big.html", options: ParseOptions(maximumInputSize: 1000))
        }
    }

    @Test func errorDescriptionsSayWhatHappened() {
        let png = DocumentError(input: "a.html", reason: .notHTML(kind: "a PNG image"))
        #expect(png.description == "a.html: not an HTML page (a PNG image)")
        #expect(DocumentError(input: "b.html", reason: .empty).description == "b.html: the input is empty (0 bytes)")
    }
}
