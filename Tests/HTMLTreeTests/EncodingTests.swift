import Testing
@testable import HTMLTree

/// windows-1252 bytes for “Café” – 5 € … (curly quotes, é, en dash, euro sign, ellipsis).
private let windows1252Prose: [UInt8] = [0x93, 0x43, 0x61, 0x66, 0xE9, 0x94, 0x20, 0x96, 0x20, 0x35, 0x20, 0x80, 0x20, 0x85]
private let expectedProse = "“Café” – 5 € …"

private func page(head: String = "", body: [UInt8]) -> [UInt8] {
    Array("<html><head>\(head)<title>T</title></head><body><p id=\"x\">".utf8) + body + Array("</p></body></html>".utf8)
}

private func paragraph(_ document: Document) throws -> String {
    try #require(try document.select("//p[@id='x']").first).text
}

@Suite struct EncodingTests {
    @Test func undeclaredUTF8IsReadAsUTF8() throws {
        let document = try Document(bytes: page(body: Array("Grüße – 東京".utf8)))
        #expect(document.encoding.encoding == .utf8)
        #expect(document.encoding.basis == .validUTF8)
        #expect(try paragraph(document) == "Grüße – 東京")
    }

    @Test func utf8ByteOrderMarkWinsAndIsDropped() throws {
        let document = try Document(bytes: [0xEF, 0xBB, 0xBF] + page(head: "<meta charset=\"windows-1252\">", body: Array("naïve".utf8)))
        #expect(document.encoding.encoding == .utf8)
        #expect(document.encoding.basis == .byteOrderMark)
        #expect(try paragraph(document) == "naïve")
    }

    @Test(arguments: [false, true])
    func utf16ByteOrderMark(bigEndian: Bool) throws {
        let text = String(decoding: page(body: Array("Ελληνικά “quoted”".utf8)), as: UTF8.self)
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in text.utf16 {
            let high = UInt8(unit >> 8), low = UInt8(unit & 0xFF)
            bytes += bigEndian ? [high, low] : [low, high]
        }
        let document = try Document(bytes: bytes)
        #expect(document.encoding.encoding == (bigEndian ? .utf16BigEndian : .utf16LittleEndian))
        #expect(document.encoding.basis == .byteOrderMark)
        #expect(try paragraph(document) == "Ελληνικά “quoted”")
    }

    @Test func windows1252DeclaredInMetaCharset() throws {
        let document = try Document(bytes: page(head: "<meta charset=windows-1252>", body: windows1252Prose))
        #expect(document.encoding.encoding == .windows1252)
        #expect(document.encoding.basis == .declared(label: "windows-1252"))
        #expect(try paragraph(document) == expectedProse)
    }

    @Test func iso88591DeclaredInHTTPEquivMeansWindows1252() throws {
        let head = "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=ISO-8859-1\">"
        let document = try Document(bytes: page(head: head, body: windows1252Prose))
        #expect(document.encoding.encoding == .windows1252)
        #expect(document.encoding.basis == .declared(label: "ISO-8859-1"))
        #expect(try paragraph(document) == expectedProse)
    }

    @Test func undeclaredLatin1BytesFallBackToWindows1252() throws {
        let document = try Document(bytes: page(body: windows1252Prose))
        #expect(document.encoding.encoding == .windows1252)
        #expect(document.encoding.basis == .windows1252Fallback)
        #expect(try paragraph(document) == expectedProse)
    }

    @Test func otherDeclaredCharsetsGoThroughLibxml2Converters() throws {
        // "Мир" in windows-1251.
        let document = try Document(bytes: page(head: "<meta charset=\"windows-1251\">", body: [0xCC, 0xE8, 0xF0]))
        #expect(document.encoding.encoding == TextEncoding(name: "windows-1251"))
        #expect(try paragraph(document) == "Мир")
    }

    @Test func unknownCharsetIsIgnoredAndSaidSo() throws {
        let document = try Document(bytes: page(head: "<meta charset=\"x-no-such-charset\">", body: Array("plain é".utf8)))
        #expect(document.encoding.encoding == .utf8)
        #expect(document.encoding.ignoredDeclaration == "x-no-such-charset")
        #expect(document.encoding.description.contains("x-no-such-charset"))
        #expect(try paragraph(document) == "plain é")
    }

    @Test func invalidUTF8UnderUTF8DeclarationIsRepairedAndCounted() throws {
        let document = try Document(bytes: page(head: "<meta charset=utf-8>", body: Array("ok ".utf8) + [0xFF, 0xFE, 0x41]))
        #expect(document.encoding.encoding == .utf8)
        #expect(document.repairs.replacedSequences == 2)
        #expect(try paragraph(document) == "ok \u{FFFD}\u{FFFD}A")
    }

    @Test func callerCanForceAnEncoding() throws {
        let bytes = page(head: "<meta charset=utf-8>", body: windows1252Prose)
        let document = try Document(bytes: bytes, options: ParseOptions(forcedEncoding: .windows1252))
        #expect(document.encoding.basis == .forcedByCaller)
        #expect(try paragraph(document) == expectedProse)
    }

    @Test func declarationPastThePrescanWindowIsNotRead() throws {
        let padding = "<!--" + String(repeating: "x", count: 1100) + "-->"
        let document = try Document(bytes: page(head: padding + "<meta charset=windows-1252>", body: Array("ascii".utf8)))
        #expect(document.encoding.basis == .validUTF8)
    }

    @Test func nulBytesAreRemovedWithoutSwallowingText() throws {
        let document = try Document(bytes: page(body: Array("before".utf8) + [0, 0] + Array("after".utf8)))
        #expect(document.repairs.removedNULs == 2)
        #expect(try paragraph(document) == "beforeafter")
    }

    @Test func labelsMapLikeBrowsers() {
        #expect(TextEncoding(label: " Latin1 ") == .windows1252)
        #expect(TextEncoding(label: "US-ASCII") == .windows1252)
        #expect(TextEncoding(label: "UTF8") == .utf8)
        #expect(TextEncoding(label: "KOI8-R").name == "koi8-r")
    }
}
