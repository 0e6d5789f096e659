import Foundation
import HTMLTree

/// Where a page in a WARC file came from: the record's own headers.
public struct WARCRecordInfo: Sendable, Equatable, Codable {
    /// `WARC-Target-URI`: the URL the page was fetched from.
    public var targetURI: String?
    /// `WARC-Date`: when it was fetched.
    public var date: String?
    /// `WARC-Record-ID`, e.g. `<urn:uuid:…>`.
    public var recordID: String?
    /// The record's position in the uncompressed WARC stream, in bytes.
    public var offset: Int

    public init(targetURI: String?, date: String?, recordID: String?, offset: Int) {
        self.targetURI = targetURI
        self.date = date
        self.recordID = recordID
        self.offset = offset
    }
}

/// A page found in a WARC record: the HTTP payload (de-chunked and decompressed) and its charset.
public struct ArchivedPage: Sendable {
    public var html: [UInt8]
    /// The charset of the HTTP `Content-Type` header, if it named one.
    public var charset: String?
    public var record: WARCRecordInfo
}

/// What ``WARCReader`` yields.
public enum WARCItem: Sendable {
    /// A `response` (HTTP 200, HTML) or `resource` (HTML) record.
    case page(ArchivedPage)
    /// A record that could not be read (truncated, bad length, damaged gzip, bad HTTP encoding);
    /// the reader has moved on to the next record. `record` is nil when even its header was lost.
    case damaged(record: WARCRecordInfo?, code: ErrorCode, reason: String)
}

/// Counts of one WARC file's records.
public struct WARCStatistics: Sendable, Equatable {
    /// Every record seen, whatever its type.
    public var records = 0
    /// Records yielded as pages.
    public var pages = 0
    /// Records that are not HTML pages (requests, metadata, images, redirects, …).
    public var ignored = 0
    /// Records reported as damaged.
    public var damaged = 0

    public init() {}
}

/// Reads a WARC file (`.warc`, or gzip: one member per record or one for the whole file) as a sequence
/// of pages, one record in memory at a time: memory is bounded by the largest record, not by the file.
///
/// ```swift
/// for item in try WARCReader(path: "crawl.warc.gz") {
///     if case let .page(page) = item {
///         let article = try extractor.extractWithReport(html: page.html, input: "crawl.warc.gz",
///                                                       origin: PageOrigin(archivedPage: page)).article
///     }
/// }
/// ```
///
/// The reader is its own iterator: a second loop goes on where the first stopped. It may be shared
/// between threads (each record goes to one caller; every read is made under a lock).
public final class WARCReader: Sequence, IteratorProtocol, @unchecked Sendable {
    /// Records declaring more bytes than this are skipped and reported (their bytes are read past, not kept).
    public let maximumRecordSize: Int
    /// Inflated HTTP payloads (`Content-Encoding: gzip`) may grow to at most this many bytes.
    public let maximumPayloadSize: Int
    /// Counts of the records read so far.
    public var statistics: WARCStatistics {
        lock.lock()
        defer { lock.unlock() }
        return counts
    }

    /// Guards every mutable field below: the reader is shared between threads only through it.
    private let lock = NSLock()
    private var counts = WARCStatistics()

    private let file: InflatingFileReader
    private var buffer: [UInt8] = []
    private var start = 0
    /// Bytes dropped from the front of `buffer` so far (for record offsets).
    private var dropped = 0
    /// Where bytes of a new gzip segment begin in `buffer` (after skipped damage), and what was skipped.
    /// `reach`: how many bytes before `index` came from the damaged member (0 when it gave none).
    private var breaks: [(index: Int, message: String, reach: Int)] = []
    private var lastSegment = 0
    private var endOfFile = false
    private var reportedFileDamage = 0

    /// True when `bytes` (inflated, if the file is gzip) open as a WARC record does ("WARC/1.0",
    /// "WARC/1.1", "WARC/0.17").
    public static func looksLikeWARC(_ bytes: some Collection<UInt8>) -> Bool {
        let opening = Array("WARC/".utf8)
        // Blank lines before the first record are skipped, as WARC readers do.
        let bytes = bytes.drop { $0 == 0x0D || $0 == 0x0A }
        guard bytes.count > opening.count, bytes.starts(with: opening) else { return false }
        let next = bytes[bytes.index(bytes.startIndex, offsetBy: opening.count)]
        return next >= UInt8(ascii: "0") && next <= UInt8(ascii: "9")
    }

    static let readSize = 1 << 20
    static let maximumHeaderSize = 64 * 1024

    /// Opens a WARC file.
    /// - Throws: ``ExtractionError/unreadable(path:reason:)`` when the file cannot be opened.
    public init(path: String, maximumRecordSize: Int = ParseOptions.defaultMaximumInputSize + (1 << 20),
                maximumPayloadSize: Int = ParseOptions.defaultMaximumInputSize) throws(ExtractionError)
    {
        do {
            file = try InflatingFileReader(path: path)
        } catch {
            throw .unreadable(path: path, reason: error.description)
        }
        self.maximumRecordSize = maximumRecordSize
        self.maximumPayloadSize = maximumPayloadSize
    }

    /// The next page or damaged record; nil at the end of the file.
    public func next() -> WARCItem? {
        lock.lock()
        defer { lock.unlock() }
        return readNext()
    }

    private func readNext() -> WARCItem? {
        while true {
            skipBlankLines()
            if let lost = breaks.first, lost.index <= start {
                // Damaged gzip data between two records: nothing of a record survived to name.
                breaks.removeFirst()
                reportedFileDamage = file.damage.count
                counts.damaged += 1
                return .damaged(record: nil, code: .warcDamaged, reason: lost.message)
            }
            guard ensure(5) else { return shortTail() ?? fileDamageAtEnd() }
            let recordStart = start
            let offset = dropped + recordStart
            guard matches("WARC/", at: recordStart) else {
                let skippedFrom = offset
                resync(from: recordStart + 1)
                let lost = breaks.filter { $0.index <= start }.map(\.message)
                breaks.removeAll { $0.index <= start }
                counts.damaged += 1
                return .damaged(record: nil, code: .warcDamaged,
                                reason: "no WARC record header at byte \(skippedFrom)\(lost.isEmpty ? "" : " (\(lost.joined(separator: "; ")))"); skipped to the next record")
            }
            guard let headerEnd = findHeaderEnd(from: recordStart) else {
                counts.records += 1
                counts.damaged += 1
                var reason = endOfFile ? "the file ends inside a record header at byte \(offset)" : "a record header at byte \(offset) runs past \(Self.maximumHeaderSize) bytes"
                if endOfFile, !breaks.isEmpty {
                    // Damaged gzip data that cut the header short is part of this report, not another.
                    reason += " (\(breaks.map(\.message).joined(separator: "; ")))"
                    breaks.removeAll()
                    reportedFileDamage = file.damage.count
                }
                resync(from: recordStart + 1)
                return .damaged(record: nil, code: endOfFile ? .warcTruncated : .warcDamaged, reason: reason)
            }
            counts.records += 1
            let headers = Self.headers(buffer[recordStart..<headerEnd])
            let info = WARCRecordInfo(targetURI: headers["warc-target-uri"].map(Self.unbracketed), date: headers["warc-date"],
                                      recordID: headers["warc-record-id"], offset: offset)
            let blockStart = headerEnd
            if let cut = breaks.first(where: { $0.index > recordStart && $0.index < headerEnd }) {
                // The header runs into bytes after damaged gzip data: what follows the damage is read
                // afresh (it may be the next record), not taken for the rest of this header.
                counts.damaged += 1
                start = cut.index
                breaks.removeAll { $0.index <= cut.index }
                reportedFileDamage = file.damage.count
                return .damaged(record: info, code: .warcDamaged, reason: "record at byte \(offset) lies in damaged gzip data (\(cut.message))")
            }
            guard let lengthText = headers["content-length"], let length = Int(lengthText), length >= 0 else {
                counts.damaged += 1
                resync(from: blockStart)
                return .damaged(record: info, code: .warcDamaged, reason: "record at byte \(offset) has no valid Content-Length")
            }
            if length > maximumRecordSize {
                counts.damaged += 1
                let damage = discard(through: blockStart + length + 4)
                return .damaged(record: info, code: .warcRecordTooLarge,
                                reason: "record at byte \(offset) declares \(length) bytes, over the limit of \(maximumRecordSize)"
                                    + (damage.map { " (cut short by \($0))" } ?? ""))
            }
            let blockEnd = blockStart + length
            guard ensure(blockEnd + 4 - start) else {
                counts.damaged += 1
                let available = buffer.count - blockStart
                start = buffer.count
                reportedFileDamage = file.damage.count
                // Damaged gzip data that cut the record short is part of this report, not another.
                let lost = breaks.map(\.message)
                breaks.removeAll()
                return .damaged(record: info, code: .warcTruncated,
                                reason: "record at byte \(offset) declares \(length) bytes but the file ends after \(Swift.max(0, available))"
                                    + (lost.isEmpty ? "" : " (\(lost.joined(separator: "; ")))"))
            }
            // One byte past the record, so that the gzip member holding it is finished and its checksum
            // checked before the record is trusted (at the end of the file there is none to read).
            _ = ensure(blockEnd + 5 - start)
            // Damage hits the record when it lies inside it, or when the member that gave the record's last
            // bytes failed (its checksum, say) as it ended; not when the damaged member came after it.
            if let cut = breaks.first(where: { $0.index > recordStart && ($0.index < blockEnd + 4 || $0.index == blockEnd + 4 && $0.reach > 0) }) {
                counts.damaged += 1
                start = cut.index
                breaks.removeAll { $0.index <= cut.index }
                reportedFileDamage = file.damage.count
                return .damaged(record: info, code: .warcDamaged, reason: "record at byte \(offset) lies in damaged gzip data (\(cut.message))")
            }
            guard buffer[blockEnd] == 0x0D, buffer[blockEnd + 1] == 0x0A, buffer[blockEnd + 2] == 0x0D, buffer[blockEnd + 3] == 0x0A else {
                counts.damaged += 1
                resync(from: blockStart)
                return .damaged(record: info, code: .warcDamaged,
                                reason: "record at byte \(offset): its Content-Length (\(length)) does not end at the record's end")
            }
            start = blockEnd + 4
            let block = Array(buffer[blockStart..<blockEnd])
            compactIfWorthIt()
            if let item = page(type: headers["warc-type"] ?? "", contentType: headers["content-type"] ?? "", block: block, info: info) {
                return item
            }
            counts.ignored += 1
        }
    }

    // MARK: Records

    private func page(type: String, contentType: String, block: [UInt8], info: WARCRecordInfo) -> WARCItem? {
        switch type.lowercased() {
        case "response":
            guard contentType.lowercased().hasPrefix("application/http") else { return nil }
            let response: HTTPResponse
            do {
                response = try HTTPResponse(block, maximumPayloadSize: maximumPayloadSize)
            } catch {
                counts.damaged += 1
                return .damaged(record: info, code: error.code, reason: "record at byte \(info.offset): \(error.reason)")
            }
            guard response.status == 200, response.isHTML else { return nil }
            counts.pages += 1
            return .page(ArchivedPage(html: response.body, charset: response.charset, record: info))
        case "resource":
            let mediaType = HTTPResponse.mediaType(contentType)
            guard HTTPResponse.htmlMediaTypes.contains(mediaType) else { return nil }
            counts.pages += 1
            return .page(ArchivedPage(html: block, charset: HTTPResponse.parameter("charset", in: contentType), record: info))
        default:
            return nil
        }
    }

    /// Header fields of a record, names lowercased (the first of a repeated name wins).
    static func headers(_ bytes: ArraySlice<UInt8>) -> [String: String] {
        // Lines end at CR, LF or CRLF; split as bytes (neither occurs inside a UTF-8 sequence), which is
        // several times cheaper than splitting the decoded text by characters.
        let lines = bytes.split(whereSeparator: { $0 == 0x0A || $0 == 0x0D }).dropFirst()
        return HeaderFields.parse(byteLines: lines)
    }

    /// WARC 1.0 writes `WARC-Target-URI: <http://…>` in some tools; the brackets are not part of the URL.
    static func unbracketed(_ uri: String) -> String {
        uri.hasPrefix("<") && uri.hasSuffix(">") ? String(uri.dropFirst().dropLast()) : uri
    }

    // MARK: Buffer

    /// Makes at least `count` bytes available from `start`; false at the end of the file.
    private func ensure(_ count: Int) -> Bool {
        while buffer.count - start < count {
            guard !endOfFile else { return false }
            let before = buffer.count
            let (read, segment) = file.read(into: &buffer, maximum: Swift.max(Self.readSize, count - (buffer.count - start)))
            if read == 0 {
                // A damaged last member that gave no bytes still marks the place where its bytes were lost.
                if segment != lastSegment {
                    breaks.append((buffer.count, file.damage.last ?? "damaged gzip data", file.damagedOutput.last ?? 0))
                    lastSegment = segment
                }
                endOfFile = true
                return false
            }
            if segment != lastSegment {
                breaks.append((before, file.damage.last ?? "damaged gzip data", file.damagedOutput.last ?? 0))
                lastSegment = segment
            }
        }
        return true
    }

    private func matches(_ text: StaticString, at index: Int) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= buffer.count else { return false }
        return text.withUTF8Buffer { pattern in
            for offset in 0..<count where buffer[index + offset] != pattern[offset] { return false }
            return true
        }
    }

    private func skipBlankLines() {
        while ensure(1), buffer[start] == 0x0D || buffer[start] == 0x0A { start += 1 }
    }

    /// The index just past the blank line ending the header that opens at `from`.
    private func findHeaderEnd(from: Int) -> Int? {
        var index = from
        while true {
            while index + 3 < buffer.count {
                if buffer[index] == 0x0D, buffer[index + 1] == 0x0A, buffer[index + 2] == 0x0D, buffer[index + 3] == 0x0A {
                    return index + 4
                }
                index += 1
            }
            if index - from > Self.maximumHeaderSize { return nil }
            guard ensure(buffer.count - start + 1) else { return nil }
        }
    }

    /// Moves `start` to the next line that opens with "WARC/1." at or after `from` (or to the end). Where
    /// the bytes of a new gzip segment begin (after damage) is a line start too: the damaged member's
    /// last bytes need not end a line.
    private func resync(from: Int) {
        var index = Swift.max(from, start)
        while true {
            while index + 7 <= buffer.count {
                if matches("WARC/1.", at: index), index == 0 || buffer[index - 1] == 0x0A || breaks.contains(where: { $0.index == index }) {
                    start = index
                    return
                }
                index += 1
            }
            // Keep the bytes a match could still start in (and the newline before them), drop the rest.
            start = Swift.max(start, index - 8)
            let relative = index - start
            compactIfWorthIt()
            index = start + relative
            guard ensure(buffer.count - start + 1) else {
                start = buffer.count
                return
            }
        }
    }

    /// Reads past `end` (an index that may lie beyond the buffer) without keeping the bytes.
    /// Skips the bytes up to `end`, or up to where bytes of a new gzip segment begin before it: what
    /// follows damaged data is read afresh (it may be the next record, which the skipped record's
    /// declared length would otherwise swallow). Returns the damage it stopped at.
    private func discard(through end: Int) -> String? {
        var remaining = end - start
        while remaining > 0 {
            // Breaks at `start` itself were reported before the record was read (or begin the bytes
            // read after a compaction, which are past the record's start).
            if let cut = breaks.first(where: { $0.index >= start && $0.index < start + remaining }) {
                start = cut.index
                breaks.removeAll { $0.index <= cut.index }
                reportedFileDamage = file.damage.count
                return cut.message
            }
            let available = buffer.count - start
            if available >= remaining {
                start += remaining
                return nil
            }
            remaining -= available
            start = buffer.count
            compactIfWorthIt(force: true)
            guard ensure(Swift.min(remaining, Self.readSize)) else { return nil }
        }
        return nil
    }

    private func compactIfWorthIt(force: Bool = false) {
        guard start > 0, force || (start >= Self.readSize && start * 2 >= buffer.count) else { return }
        buffer.removeSubrange(0..<start)
        dropped += start
        breaks = breaks.compactMap { $0.index >= start ? ($0.index - start, $0.message, $0.reach) : nil }
        start = 0
    }

    /// At the end: one to four bytes that are not blank lines and too short to be a record header (a
    /// file cut inside "WARC/", or junk after the last record) are reported, not dropped silently.
    private func shortTail() -> WARCItem? {
        guard start < buffer.count else { return nil }
        let offset = dropped + start
        let tail = buffer[start...]
        start = buffer.count
        reportedFileDamage = file.damage.count
        counts.damaged += 1
        let lost = breaks.isEmpty ? "" : " (\(breaks.map(\.message).joined(separator: "; ")))"
        breaks.removeAll()
        if "WARC/".utf8.starts(with: tail) {
            return .damaged(record: nil, code: .warcTruncated, reason: "the file ends inside a record header at byte \(offset)\(lost)")
        }
        return .damaged(record: nil, code: .warcDamaged, reason: "\(tail.count) bytes at byte \(offset), at the end of the file, are not a record\(lost)")
    }

    /// At the end: report gzip damage the records did not already account for (a truncated last member).
    private func fileDamageAtEnd() -> WARCItem? {
        guard file.damage.count > reportedFileDamage else { return nil }
        let unreported = file.damage[reportedFileDamage...].filter { $0.contains("truncated") }
        reportedFileDamage = file.damage.count
        guard !unreported.isEmpty else { return nil }
        let message = unreported.joined(separator: "; ")
        counts.damaged += 1
        return .damaged(record: nil, code: .warcTruncated, reason: message)
    }
}
