import EncyclopediaExtractor
import Foundation
import HTMLTree
import Testing

/// Builds WARC files record by record, as crawlers write them.
struct WARCBuilder {
    private(set) var records: [[UInt8]] = []

    /// A WARC record with the given type, headers and block.
    mutating func record(type: String, uri: String?, contentType: String, block: [UInt8], id: Int) {
        var header = "WARC/1.0\r\nWARC-Type: \(type)\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-\(String(format: "%012d", id))>\r\n"
        header += "WARC-Date: 2026-11-\(String(format: "%02d", id % 28 + 1))T10:00:00Z\r\n"
        if let uri { header += "WARC-Target-URI: \(uri)\r\n" }
        header += "Content-Type: \(contentType)\r\nContent-Length: \(block.count)\r\n\r\n"
        records.append(Array(header.utf8) + block + Array("\r\n\r\n".utf8))
    }

    /// A `response` record holding an HTTP response.
    mutating func response(uri: String, status: String = "200 OK", headers: [String], payload: [UInt8], id: Int) {
        let head = "HTTP/1.1 \(status)\r\n" + headers.map { $0 + "\r\n" }.joined() + "\r\n"
        record(type: "response", uri: uri, contentType: "application/http; msgtype=response", block: Array(head.utf8) + payload, id: id)
    }

    var uncompressed: [UInt8] { records.flatMap { $0 } }

    /// Each record its own gzip member (the usual .warc.gz).
    func gzipPerRecord() throws -> [UInt8] { try records.flatMap { try gzip($0) } }
}

/// gzip through the system's `gzip`, as other tools write it.
func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
    let directory = FileManager.default.temporaryDirectory
    let input = directory.appendingPathComponent("gz-\(UUID().uuidString)")
    try Data(bytes).write(to: input)
    defer { try? FileManager.default.removeItem(at: input) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/gzip")
    process.arguments = ["-n", "-c", input.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return [UInt8](data)
}

func writeTemporary(_ bytes: [UInt8], name: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("archive-\(UUID().uuidString)-\(name)")
    try Data(bytes).write(to: url)
    return url
}

/// A small family page, in UTF-8 unless its bytes are given in another encoding by the caller.
func familyPage(title: String, extra: String = "", charsetMeta: String? = "utf-8") -> String {
    """
    <!DOCTYPE html><html><head>\(charsetMeta.map { "<meta charset=\"\($0)\">" } ?? "")<title>\(title) | World Library - eBooks | Read eBooks online</title></head>
    <body><div class="menu"><a href="/">Home</a> <a href="/c">Collections</a></div>
    <div id="content"><h1>\(title)</h1>
    <p>\(title) is the subject of this short article, written long enough to count as prose for the body finder. \(extra)</p>
    </div>
    <div class="license"><p>This article was sourced from <a href="http://creativecommons.org/licenses/by-sa/3.0/">Creative Commons Attribution-ShareAlike License</a>; additional terms may apply. World Library content is assembled from numerous content providers.</p></div>
    </body></html>
    """
}

@Suite struct WARCTests {
    static func readAll(_ url: URL) throws -> (pages: [ArchivedPage], damaged: [(WARCRecordInfo?, ErrorCode, String)], statistics: WARCStatistics) {
        let reader = try WARCReader(path: url.path)
        var pages: [ArchivedPage] = []
        var damaged: [(WARCRecordInfo?, ErrorCode, String)] = []
        for item in reader {
            switch item {
            case let .page(page): pages.append(page)
            case let .damaged(info, code, reason): damaged.append((info, code, reason))
            }
        }
        return (pages, damaged, reader.statistics)
    }

    static func mixedArchive() -> WARCBuilder {
        var builder = WARCBuilder()
        builder.record(type: "warcinfo", uri: nil, contentType: "application/warc-fields", block: Array("software: test\r\n".utf8), id: 1)
        builder.response(uri: "http://www.worldlibrary.org/articles/eng/Alpha", headers: ["Content-Type: text/html; charset=utf-8"],
                         payload: Array(familyPage(title: "Alpha").utf8), id: 2)
        builder.record(type: "request", uri: "http://www.worldlibrary.org/articles/eng/Alpha", contentType: "application/http; msgtype=request",
                       block: Array("GET /articles/eng/Alpha HTTP/1.1\r\nHost: www.worldlibrary.org\r\n\r\n".utf8), id: 3)
        builder.response(uri: "http://www.worldlibrary.org/logo.png", headers: ["Content-Type: image/png"],
                         payload: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0], id: 4)
        builder.response(uri: "http://www.worldlibrary.org/old", status: "301 Moved Permanently",
                         headers: ["Content-Type: text/html", "Location: /new"], payload: Array("<html><body>moved</body></html>".utf8), id: 5)
        builder.record(type: "resource", uri: "file:///saved/Beta.html", contentType: "text/html",
                       block: Array(familyPage(title: "Beta").utf8), id: 6)
        return builder
    }

    @Test(arguments: [false, true])
    func pagesAreFoundAndOtherRecordsIgnored(compressed: Bool) throws {
        let builder = Self.mixedArchive()
        let url = try writeTemporary(compressed ? try builder.gzipPerRecord() : builder.uncompressed, name: compressed ? "a.warc.gz" : "a.warc")
        defer { try? FileManager.default.removeItem(at: url) }
        let (pages, damaged, statistics) = try Self.readAll(url)
        #expect(damaged.isEmpty)
        #expect(pages.map(\.record.targetURI) == ["http://www.worldlibrary.org/articles/eng/Alpha", "file:///saved/Beta.html"])
        #expect(statistics == { var s = WARCStatistics(); s.records = 6; s.pages = 2; s.ignored = 4; return s }())
        let first = try #require(pages.first)
        #expect(first.record.recordID == "<urn:uuid:00000000-0000-0000-0000-000000000002>")
        #expect(first.record.date == "2026-11-03T10:00:00Z")
        #expect(first.charset == "utf-8")
        let article = try Extractor().extractWithReport(html: first.html, url: nil, input: "a.warc", origin: PageOrigin(archivedPage: first)).article
        #expect(article.title == "Alpha")
        #expect(article.source.url == "http://www.worldlibrary.org/articles/eng/Alpha")
    }

    @Test func aWholeFileGzipIsReadToo() throws {
        let builder = Self.mixedArchive()
        let url = try writeTemporary(try gzip(builder.uncompressed), name: "whole.warc.gz")
        defer { try? FileManager.default.removeItem(at: url) }
        let (pages, damaged, _) = try Self.readAll(url)
        #expect(damaged.isEmpty)
        #expect(pages.count == 2)
    }

    /// Found by FuzzWARC: a WARC file given to the page extractor became an article of record headers.
    @Test(arguments: ["plain", "after blank lines", "gzip per record", "gzip whole"])
    func aWARCFileGivenAsAPageIsRefused(form: String) throws {
        let builder = Self.mixedArchive()
        let bytes = switch form {
        case "plain": builder.uncompressed
        case "after blank lines": Array("\r\n\r\n".utf8) + builder.uncompressed
        case "gzip per record": try builder.gzipPerRecord()
        default: try gzip(builder.uncompressed)
        }
        let error = #expect(throws: ExtractionError.self) {
            try Extractor().extractWithReport(html: bytes, url: nil, input: "crawl.html")
        }
        #expect(error?.code == .warcArchive)
        #expect(error?.description.contains("WARC") == true)
    }

    @Test(arguments: [false, true])
    func aTruncatedLastRecordIsReportedAndTheRestKept(compressed: Bool) throws {
        var bytes = compressed ? try Self.mixedArchive().gzipPerRecord() : Self.mixedArchive().uncompressed
        bytes.removeLast(compressed ? 300 : 200)
        let url = try writeTemporary(bytes, name: "cut.warc")
        defer { try? FileManager.default.removeItem(at: url) }
        let (pages, damaged, _) = try Self.readAll(url)
        #expect(pages.map(\.record.targetURI) == ["http://www.worldlibrary.org/articles/eng/Alpha"])
        #expect(damaged.count == 1)
        #expect(damaged.first?.1 == "warc-truncated")
    }

    /// Found by FuzzWARC: a file cut inside the first five bytes of a record ("WARC"), or one to four junk
    /// bytes after the last record, ended the reading without a word.
    @Test(arguments: [("WARC", "warc-truncated"), ("W", "warc-truncated"), ("junk", "warc-damaged"), ("\r\nx\r\n", "warc-damaged")])
    func aShortTailIsReported(tail: String, code: String) throws {
        let url = try writeTemporary(Self.mixedArchive().uncompressed + Array(tail.utf8), name: "tail.warc")
        defer { try? FileManager.default.removeItem(at: url) }
        let (pages, damaged, statistics) = try Self.readAll(url)
        #expect(pages.count == 2)
        #expect(damaged.map(\.1.rawValue) == [code])
        #expect(statistics.damaged == 1)
    }

    /// A member whose data still inflates, framing and all, but whose checksum disagrees (stored blocks,
    /// one byte of the page changed): the record is reported, not yielded with the changed byte, because
    /// the reader finishes a record's member before it trusts the record.
    @Test func aRecordWhoseMemberFailsItsChecksumIsReported() throws {
        let builder = Self.mixedArchive()
        var members = builder.records.map { Gzip.compress($0, level: 0) }
        let changed = members[1].count - 8 - 40    // inside the page, before the record's closing blank line
        members[1][changed] ^= 0x01
        let url = try writeTemporary(members.flatMap { $0 }, name: "checksum.warc.gz")
        defer { try? FileManager.default.removeItem(at: url) }
        let (pages, damaged, _) = try Self.readAll(url)
        #expect(pages.map(\.record.targetURI) == ["file:///saved/Beta.html"])
        #expect(damaged.map(\.1.rawValue) == ["warc-damaged"])
    }

    @Test func aDamagedGzipMemberLosesOnlyItsRecord() throws {
        let builder = Self.mixedArchive()
        var members = try builder.records.map { try gzip($0) }
        // Scramble the deflate data of the Alpha record's member (after its 10-byte header).
        for index in 20..<min(60, members[1].count - 8) { members[1][index] ^= 0x5A }
        let url = try writeTemporary(members.flatMap { $0 }, name: "damaged.warc.gz")
        defer { try? FileManager.default.removeItem(at: url) }
        let (pages, damaged, _) = try Self.readAll(url)
        #expect(pages.map(\.record.targetURI) == ["file:///saved/Beta.html"])
        #expect(damaged.count >= 1)
        #expect(damaged.allSatisfy { $0.1 == "warc-damaged" })
    }

    /// Found by FuzzWARC: when zlib noticed a member's damage only at the next member's first bytes (a
    /// member cut to four bytes here), the search for the next member started past its header, so that
    /// member and its record were lost too.
    @Test func theMemberAfterAShortDamagedOneIsRead() throws {
        var members = try Self.mixedArchive().records.map { try gzip($0) }
        members[1] = [0x1F, 0x8B, 0x02, 0x02]
        let url = try writeTemporary(members.flatMap { $0 }, name: "short-member.warc.gz")
        defer { try? FileManager.default.removeItem(at: url) }
        let (pages, damaged, statistics) = try Self.readAll(url)
        #expect(pages.map(\.record.targetURI) == ["file:///saved/Beta.html"])
        #expect(damaged.map(\.1) == ["warc-damaged"])
        #expect(statistics.records == 5)
    }

    /// Found by FuzzWARC: a damaged member that inflated to a few bytes before zlib noticed (here "XP",
    /// then a wrong checksum) left the next record's header in mid-line, where the search for a record
    /// did not look, so that record was lost too.
    @Test func aRecordRightAfterDamagedOutputIsFound() throws {
        let builder = Self.mixedArchive()
        var members = try builder.records.map { try gzip($0) }
        // A member whose deflate data gives "XP" and whose checksum is wrong.
        members[2] = [0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 0x03, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0]
        let url = try writeTemporary(members.flatMap { $0 }, name: "damaged-output.warc.gz")
        defer { try? FileManager.default.removeItem(at: url) }
        let (pages, damaged, statistics) = try Self.readAll(url)
        #expect(pages.map(\.record.targetURI) == ["http://www.worldlibrary.org/articles/eng/Alpha", "file:///saved/Beta.html"])
        #expect(damaged.map(\.1) == ["warc-damaged"])
        #expect(statistics.records == 5)
    }

    /// Found by FuzzWARC: when a damaged member gave part of a record header, the header's end was
    /// looked for past the damage, in the next member's record, which was then skipped as this one's body.
    @Test func aHeaderCutByDamageDoesNotSwallowTheNextRecord() throws {
        var members = try Self.mixedArchive().records.map { try gzip($0) }
        // The request record's member inflates to its header up to a mangled Content-Length, then its
        // checksum fails; the next member's record follows in mid-line.
        let text = String(decoding: Self.mixedArchive().records[2], as: UTF8.self)
        let field = try #require(text.range(of: "Content-Length: "))
        let header = Array(text[..<field.upperBound].utf8) + Array("x".utf8)
        var damaged = try gzip(header)
        damaged[damaged.count - 8] ^= 0xFF
        members[2] = damaged
        let url = try writeTemporary(members.flatMap { $0 }, name: "cut-header.warc.gz")
        defer { try? FileManager.default.removeItem(at: url) }
        let (pages, damagedItems, statistics) = try Self.readAll(url)
        #expect(pages.map(\.record.targetURI) == ["http://www.worldlibrary.org/articles/eng/Alpha", "file:///saved/Beta.html"])
        #expect(damagedItems.map(\.1) == ["warc-damaged"])
        #expect(statistics.records == 6)
    }

    /// Found by FuzzWARC: a last gzip member damaged before it gave any byte lost its record silently.
    @Test func aDamagedLastMemberIsReportedEvenWhenItGivesNothing() throws {
        var builder = Self.mixedArchive()
        builder.record(type: "metadata", uri: "file:///saved/Beta.html", contentType: "application/warc-fields",
                       block: Array("via: test\r\n".utf8), id: 7)
        var members = try builder.records.map { try gzip($0) }
        let last = members.count - 1
        // Keep the 10-byte gzip header, replace the deflate data with bytes that are not deflate.
        members[last] = Array(members[last].prefix(10)) + Array("IteratorProtocol".utf8)
        let url = try writeTemporary(members.flatMap { $0 }, name: "last-member.warc.gz")
        defer { try? FileManager.default.removeItem(at: url) }
        let (pages, damaged, statistics) = try Self.readAll(url)
        #expect(pages.count == 2)
        #expect(damaged.map(\.1) == ["warc-damaged"])
        #expect(statistics.damaged == 1)
    }

    @Test func aWrongContentLengthIsReportedAndReadingResumes() throws {
        var builder = Self.mixedArchive()
        // Claim 40 bytes more than the warcinfo block holds: its end marker is not where it should be.
        let text = String(decoding: builder.records[0], as: UTF8.self)
        builder = WARCBuilder()
        let broken = text.replacingOccurrences(of: "Content-Length: 16", with: "Content-Length: 56")
        var bytes = Array(broken.utf8)
        bytes += Self.mixedArchive().records.dropFirst().flatMap { $0 }
        let url = try writeTemporary(bytes, name: "length.warc")
        defer { try? FileManager.default.removeItem(at: url) }
        let (pages, damaged, _) = try Self.readAll(url)
        #expect(damaged.count == 1)
        #expect(damaged.first?.2.contains("Content-Length") == true)
        #expect(pages.count == 2)
    }

    @Test func chunkedAndGzipEncodedPayloadsAreDecoded() throws {
        let html = Array(familyPage(title: "Gamma").utf8)
        var chunked: [UInt8] = []
        var index = 0
        while index < html.count {
            let size = min(100, html.count - index)
            chunked += Array((String(size, radix: 16) + ";ext=1\r\n").utf8) + html[index..<(index + size)] + Array("\r\n".utf8)
            index += size
        }
        chunked += Array("0\r\n\r\n".utf8)
        var builder = WARCBuilder()
        builder.response(uri: "http://www.worldlibrary.org/articles/eng/Gamma",
                         headers: ["Content-Type: text/html", "Transfer-Encoding: chunked"], payload: chunked, id: 1)
        builder.response(uri: "http://www.worldlibrary.org/articles/eng/Gamma2",
                         headers: ["Content-Type: text/html", "Content-Encoding: gzip"], payload: try gzip(html), id: 2)
        let compressed = try gzip(html)
        let chunkedCompressed = Array((String(compressed.count, radix: 16) + "\r\n").utf8) + compressed + Array("\r\n0\r\n\r\n".utf8)
        builder.response(uri: "http://www.worldlibrary.org/articles/eng/Gamma3",
                         headers: ["Content-Type: text/html", "Content-Encoding: gzip", "Transfer-Encoding: chunked"],
                         payload: chunkedCompressed, id: 3)
        builder.response(uri: "http://www.worldlibrary.org/articles/eng/Broken",
                         headers: ["Content-Type: text/html", "Content-Encoding: br"], payload: [1, 2, 3], id: 4)
        let url = try writeTemporary(try builder.gzipPerRecord(), name: "encoded.warc.gz")
        defer { try? FileManager.default.removeItem(at: url) }
        let (pages, damaged, _) = try Self.readAll(url)
        #expect(pages.count == 3)
        for page in pages {
            let same = page.html.elementsEqual(html)
            #expect(same, "\(page.record.targetURI ?? "") was not decoded")
        }
        #expect(damaged.map(\.1) == ["http-encoding"])
    }

    @Test func aCharsetOnlyInTheHTTPHeaderIsHonoured() throws {
        // windows-1251 bytes, no <meta charset>: only the HTTP header says what they are.
        let title = "Москва"
        let html = familyPage(title: title, charsetMeta: nil)
        let bytes = try #require(html.data(using: .windowsCP1251)).map { $0 }
        var builder = WARCBuilder()
        builder.response(uri: "http://www.worldlibrary.org/articles/rus/Moskva", headers: ["Content-Type: text/html; charset=windows-1251"],
                         payload: bytes, id: 1)
        let url = try writeTemporary(builder.uncompressed, name: "cp1251.warc")
        defer { try? FileManager.default.removeItem(at: url) }
        let page = try #require(try Self.readAll(url).pages.first)
        #expect(page.charset == "windows-1251")
        let article = try Extractor().extractWithReport(html: page.html, url: nil, input: "cp1251.warc", origin: PageOrigin(archivedPage: page)).article
        #expect(article.title == title)
        #expect(article.source.encoding == "windows-1251")
    }
}

@Suite struct MHTMLTests {
    static func message(part: String, encoding: String, charset: String = "utf-8") -> [UInt8] {
        let head = """
            From: <Saved by Blink>\r
            Snapshot-Content-Location: http://www.worldlibrary.org/articles/eng/Delta\r
            Subject: Delta | World Library\r
            MIME-Version: 1.0\r
            Content-Type: multipart/related;\r
            \ttype="text/html";\r
            \tboundary="----MultipartBoundary--abc123----"\r
            \r
            \r
            ------MultipartBoundary--abc123----\r
            Content-Type: text/html; charset=\(charset)\r
            Content-ID: <frame-1@mhtml.blink>\r
            Content-Transfer-Encoding: \(encoding)\r
            Content-Location: http://www.worldlibrary.org/articles/eng/Delta\r
            \r

            """
        let tail = """
            \r
            ------MultipartBoundary--abc123----\r
            Content-Type: image/png\r
            Content-Transfer-Encoding: base64\r
            Content-Location: http://www.worldlibrary.org/logo.png\r
            \r
            iVBORw0KGgo=\r
            ------MultipartBoundary--abc123------\r

            """
        return Array(head.utf8) + Array(part.utf8) + Array(tail.utf8)
    }

    static func quotedPrintable(_ bytes: [UInt8]) -> String {
        var text = ""
        var lineLength = 0
        for byte in bytes {
            let piece: String
            // A line break (CRLF) is written as a hard break; the CR comes back with it.
            if byte == 0x0D { continue }
            if byte == 0x0A { text += "\r\n"; lineLength = 0; continue }
            if byte == UInt8(ascii: "=") || byte >= 0x7F || byte < 0x20 { piece = String(format: "=%02X", byte) } else { piece = String(UnicodeScalar(byte)) }
            if lineLength + piece.count > 75 { text += "=\r\n"; lineLength = 0 }
            text += piece
            lineLength += piece.count
        }
        return text
    }

    @Test(arguments: ["quoted-printable", "base64"])
    func theHTMLPartIsDecoded(encoding: String) throws {
        // Line ends as MIME writes them (quoted-printable keeps CRLF line breaks as they are).
        let html = Array(familyPage(title: "Délta – Ωmega", charsetMeta: nil).replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let part = encoding == "base64" ? Data(html).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed]) : Self.quotedPrintable(html)
        let bytes = Self.message(part: part, encoding: encoding)
        let recognised = MHTMLPage.looksLikeMHTML(bytes)
        #expect(recognised, "not recognised as MHTML")
        let page = try MHTMLPage(bytes)
        #expect(page.html.count == html.count)
        let same = page.html.elementsEqual(html)
        #expect(same, "the decoded part differs from the page")
        #expect(page.charset == "utf-8")
        #expect(page.location == "http://www.worldlibrary.org/articles/eng/Delta")
        // The extractor unpacks MHTML itself.
        let article = try Extractor().extract(html: Data(bytes), input: "delta.mhtml")
        #expect(article.title == "Délta – Ωmega")
        #expect(article.source.url == "http://www.worldlibrary.org/articles/eng/Delta")
        #expect(article.source.site == "World Library")
    }

    @Test func aMessageWithoutAnHTMLPartIsATypedError() throws {
        let bytes = Array("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n".utf8)
        do {
            _ = try Extractor().extract(html: Data(bytes), input: "empty.mhtml")
            Issue.record("an MHTML file without HTML was accepted")
        } catch {
            #expect(error.code == "bad-mhtml")
            #expect(error.description.contains("empty.mhtml"))
        }
    }

    @Test func htmlIsNotMistakenForMHTML() {
        #expect(!MHTMLPage.looksLikeMHTML(Array(familyPage(title: "Plain").utf8)))
        #expect(!MHTMLPage.looksLikeMHTML(Array("Subject: a note, not a page\n\n<p>MIME-Version: 1.0</p>".utf8)))
    }
}
