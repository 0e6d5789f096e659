import EncyclopediaExtractor
import FuzzSupport
import HTMLTree

/// A WARC file built from records chosen by a fuzz input, and what ``WARCReader`` must find in it.
///
/// The records are of every kind a crawl holds (HTML and other responses, resources, requests,
/// warcinfo, metadata, revisits), with HTTP payloads chunked, gzip- or deflate-encoded or plain; the file
/// is plain, gzip per record or one gzip member, and may be damaged in one of the ways files are
/// (cut short, a damaged member, junk between records).
struct WARCRecipe {
    /// What the reader must yield for one record, in file order.
    enum Expected: Equatable {
        case page(ExpectedPage)
        case damaged(code: String)

        var isPage: Bool { if case .page = self { true } else { false } }
    }

    struct ExpectedPage: Equatable, CustomStringConvertible {
        var html: [UInt8]
        var charset: String?
        var targetURI: String?
        var date: String?
        var recordID: String?
        /// In the uncompressed stream; nil when it cannot be known (after a damaged gzip member).
        var offset: Int?

        var description: String {
            "page \(recordID ?? "-") at \(offset.map(String.init) ?? "?") (\(html.count) bytes, charset \(charset ?? "-"), uri \(targetURI ?? "-"))"
        }
    }

    enum Compression: CaseIterable { case none, gzipPerRecord, gzipWhole }

    enum Damage: Equatable {
        case none
        /// The file is cut after this many bytes.
        case truncated(at: Int)
        /// One record's gzip member is overwritten from some byte on (gzip per record only).
        case damagedMember(record: Int)
        /// Junk without a record header sits after this record (plain files only).
        case junkAfter(record: Int)
    }

    struct Record {
        /// Header, block and the blank line after it, uncompressed.
        var bytes: [UInt8]
        var expected: Expected?
        /// Blank-line bytes before the record's header.
        var leading = 0
    }

    var records: [Record] = []
    var compression = Compression.none
    var damage = Damage.none
    var maximumRecordSize = ParseOptions.defaultMaximumInputSize + (1 << 20)
    var maximumPayloadSize = ParseOptions.defaultMaximumInputSize
    /// The file as written.
    var file: [UInt8] = []
    /// Where each record ends in `file` (for gzip, where its member ends), to judge a truncation.
    var recordEnds: [Int] = []
    /// Offsets in `file` where a cut loses no part of a record (between records, or in the blank lines
    /// before one; for gzip, between members).
    var boundaries: Set<Int> = [0]

    /// What the reader must yield when nothing is damaged.
    var expected: [Expected] { records.compactMap(\.expected) }
    var expectedPages: [ExpectedPage] {
        expected.compactMap { if case let .page(page) = $0 { page } else { nil } }
    }

    static let recordKinds = ["html response", "other response", "html resource", "other resource", "request",
                              "warcinfo", "metadata", "revisit"]

    init(_ input: inout FuzzedBytes) {
        if input.int(in: 0...3) == 0 { maximumRecordSize = input.int(in: 0...1023) }
        if input.int(in: 0...3) == 0 { maximumPayloadSize = input.int(in: 0...511) }
        compression = input.pick(Compression.allCases)
        let count = input.int(in: 1...6)
        var offset = 0
        for index in 0..<count {
            // Some writers leave extra blank lines between records; the reader skips them.
            let blankLines = input.int(in: 0...7) == 0 ? Array("\r\n".utf8) : []
            offset += blankLines.count
            var record = Self.record(index: index, offset: offset, input: &input, recipe: self)
            record.bytes = blankLines + record.bytes
            record.leading = blankLines.count
            offset += record.bytes.count - blankLines.count
            records.append(record)
        }
        switch input.int(in: 0...5) {
        case 1: damage = .truncated(at: 0)
        case 2 where compression == .gzipPerRecord: damage = .damagedMember(record: input.int(in: 0...(count - 1)))
        case 3 where compression == .none: damage = .junkAfter(record: input.int(in: 0...(count - 1)))
        default: damage = .none
        }
        write(&input)
    }

    // MARK: Records

    static func record(index: Int, offset: Int, input: inout FuzzedBytes, recipe: WARCRecipe) -> Record {
        let kind = input.pick(recordKinds)
        let version = input.bool() ? "WARC/1.0" : "WARC/1.1"
        let recordID = "<urn:uuid:\(index)-" + input.text(upTo: 12, from: FuzzedBytes.tokenAlphabet) + ">"
        let date = "2026-0\(input.int(in: 1...9))-1\(input.int(in: 0...9))T10:00:00Z"
        let uri = "http://example.org/" + input.text(upTo: 16, from: FuzzedBytes.tokenAlphabet)
        // WARC 1.0 tools write the URI in angle brackets; the reader drops them.
        let writtenURI = input.int(in: 0...3) == 0 ? "<\(uri)>" : uri
        var fields: [(String, String)] = [("WARC-Type", kind.split(separator: " ").last.map(String.init) ?? kind),
                                          ("WARC-Record-ID", recordID), ("WARC-Date", date)]
        var hasURI = kind != "warcinfo"
        if hasURI, input.int(in: 0...7) == 0 { hasURI = false }
        if hasURI { fields.append(("WARC-Target-URI", writtenURI)) }
        var block: [UInt8]
        var expected: Expected?
        var page: ExpectedPage? = ExpectedPage(html: [], charset: nil, targetURI: hasURI ? uri : nil, date: date,
                                               recordID: recordID, offset: offset)
        switch kind {
        case "html response", "other response":
            let response = HTTPRecipe(&input, html: kind == "html response", maximumPayloadSize: recipe.maximumPayloadSize)
            fields.append(("Content-Type", input.pick(["application/http; msgtype=response", "application/http;msgtype=response", "Application/HTTP"])))
            block = response.bytes
            switch response.outcome {
            case let .page(html, charset):
                page?.html = html
                page?.charset = charset
                expected = page.map(Expected.page)
            case .ignored:
                expected = nil
            case let .damaged(code):
                expected = .damaged(code: code)
            }
        case "html resource", "other resource":
            let html = kind == "html resource"
            let charset = html ? input.pick([nil, "utf-8", "windows-1251"]) : nil
            fields.append(("Content-Type", (html ? input.pick(["text/html", "application/xhtml+xml", "TEXT/HTML "]) : input.pick(["image/png", "text/plain", "application/pdf"]))
                + (charset.map { "; charset=\($0)" } ?? "")))
            block = input.bytes(upTo: 200)
            page?.html = block
            page?.charset = charset
            expected = html ? page.map(Expected.page) : nil
        case "request":
            fields.append(("Content-Type", "application/http; msgtype=request"))
            block = Array("GET /\(index) HTTP/1.1\r\nHost: example.org\r\n\r\n".utf8)
        case "warcinfo":
            fields.append(("Content-Type", "application/warc-fields"))
            block = Array("software: encx-fuzz\r\nformat: WARC File Format 1.1\r\n".utf8)
        case "metadata":
            fields.append(("Content-Type", "application/warc-fields"))
            block = Array("outlinks: http://example.org/\(index)\r\n".utf8) + input.bytes(upTo: 40)
        default:
            // A revisit: a response header without its payload, which the reader does not treat as a page.
            fields.append(("Content-Type", "application/http; msgtype=response"))
            block = Array("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n".utf8)
        }
        fields.append((input.bool() ? "Content-Length" : "content-length", String(block.count)))
        if block.count > recipe.maximumRecordSize { expected = .damaged(code: "warc-record-too-large") }
        // Field order is free; a repeated field keeps its first value.
        if input.int(in: 0...3) == 0 { fields.swapAt(1, fields.count - 1) }
        if input.int(in: 0...7) == 0 { fields.append(("WARC-Date", "1999-01-01T00:00:00Z")) }
        let header = ([version] + fields.map { "\($0.0): \($0.1)" }).joined(separator: "\r\n") + "\r\n\r\n"
        return Record(bytes: Array(header.utf8) + block + Array("\r\n\r\n".utf8), expected: expected)
    }

    // MARK: The file

    private mutating func write(_ input: inout FuzzedBytes) {
        var members: [[UInt8]]
        switch compression {
        case .none: members = records.map(\.bytes)
        case .gzipPerRecord: members = records.map { Gzip.compress($0.bytes) }
        case .gzipWhole: members = [Gzip.compress(records.flatMap(\.bytes))]
        }
        switch damage {
        case let .damagedMember(index):
            // Overwrite the member from some byte on with junk that holds no gzip magic (so no member
            // can start inside it); the next member starts where it did. The file's first two bytes stay:
            // without gzip's magic there the reader takes the whole file for an uncompressed one.
            let from = input.int(in: (index == 0 ? 2 : 0)...(members[index].count - 1))
            var junk = input.bytes(upTo: 64).map { $0 == 0x1F ? 0x20 : $0 }
            if junk.isEmpty { junk = [0xFF] }
            members[index] = Array(members[index][..<from]) + junk
        case let .junkAfter(index):
            // Junk that cannot be taken for a record header, ending a line (the reader resynchronises on a
            // line starting "WARC/1.").
            var junk = input.bytes(upTo: 64).map { $0 == UInt8(ascii: "W") ? UInt8(ascii: "w") : $0 }
            junk += Array("x\r\n".utf8)
            members[index] += junk
            for later in records.indices where later > index {
                if case var .page(page)? = records[later].expected {
                    page.offset = page.offset.map { $0 + junk.count }
                    records[later].expected = .page(page)
                }
            }
        default:
            break
        }
        if case .damagedMember = damage {
            // Where the stream lost bytes, later offsets are unknown.
            for index in records.indices {
                if case var .page(page)? = records[index].expected {
                    page.offset = nil
                    records[index].expected = .page(page)
                }
            }
        }
        file = []
        recordEnds = []
        for (index, member) in members.enumerated() {
            switch compression {
            case .none: boundaries.formUnion(file.count...(file.count + records[index].leading))
            case .gzipPerRecord: boundaries.insert(file.count)
            case .gzipWhole: break
            }
            file += member
            recordEnds.append(file.count)
        }
        boundaries.insert(file.count)
        if case .truncated = damage {
            let cut = input.int(in: 0...(file.count - 1))
            damage = .truncated(at: cut)
            file.removeSubrange(cut...)
        }
    }
}
