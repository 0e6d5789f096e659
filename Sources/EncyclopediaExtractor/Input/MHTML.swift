import Foundation

/// Why an MHTML file could not be unpacked.
public struct MHTMLError: Error, Sendable, Equatable {
    public let reason: String
}

/// The page inside a single-file web archive (`.mht`, `.mhtml`, as browsers save them): a MIME message,
/// usually `multipart/related`, whose first `text/html` part is the page.
public struct MHTMLPage: Sendable, Equatable {
    /// The page's bytes, decoded from quoted-printable or base64.
    public var html: [UInt8]
    /// The part's charset, if its Content-Type names one.
    public var charset: String?
    /// `Snapshot-Content-Location` (the URL the page was saved from), else the part's `Content-Location`.
    public var location: String?

    /// True when `bytes` open like a MIME message (header fields such as `MIME-Version:` or
    /// `Content-Type: multipart/related` before the first blank line) rather than like HTML.
    public static func looksLikeMHTML(_ bytes: [UInt8]) -> Bool {
        // A page opens with "<", a blank or a byte-order mark: no need to look for a header's end.
        if let first = bytes.first, first < 0x80, !(first | 0x20 >= UInt8(ascii: "a") && first | 0x20 <= UInt8(ascii: "z")) { return false }
        // The header: the first 4096 bytes up to the first blank line ("\n\n" or "\r\n\r\n"), found in the
        // bytes (neither occurs inside a UTF-8 sequence).
        let head = bytes.prefix(4096)
        var end = head.endIndex
        var index = head.startIndex
        while index + 1 < end {
            if head[index] == 0x0A, head[index + 1] == 0x0A { end = index }
            if index + 3 < end, head[index] == 0x0D, head[index + 1] == 0x0A, head[index + 2] == 0x0D, head[index + 3] == 0x0A { end = index }
            index += 1
        }
        let header = String(decoding: head[..<end], as: UTF8.self)
        guard let first = header.first, first.isLetter else { return false }
        let lowered = header.lowercased()
        // The first line is a header field: a name of letters, digits and dashes, then a colon.
        let firstLine = lowered.prefix { $0 != "\n" && $0 != "\r" }
        guard let colon = firstLine.firstIndex(of: ":"),
            firstLine[..<colon].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
        else { return false }
        return lowered.contains("mime-version:") || lowered.contains("content-type: multipart/related")
    }

    /// Unpacks the page.
    /// - Throws: ``MHTMLError`` when the message has no HTML part or its boundary is missing.
    public init(_ bytes: [UInt8]) throws(MHTMLError) {
        guard let (headers, bodyStart) = Self.headerFields(bytes, from: 0) else {
            throw MHTMLError(reason: "the MHTML header has no end")
        }
        let snapshot = headers["snapshot-content-location"]
        let contentType = headers["content-type"] ?? ""
        if HTTPResponse.mediaType(contentType) == "text/html" {
            // A single-part message: the body is the page.
            html = try Self.decode(Array(bytes[bodyStart...]), transferEncoding: headers["content-transfer-encoding"])
            charset = HTTPResponse.parameter("charset", in: contentType)
            location = snapshot ?? headers["content-location"]
            return
        }
        guard let boundary = HTTPResponse.parameter("boundary", in: contentType) else {
            throw MHTMLError(reason: "the MHTML Content-Type (\(contentType.prefix(60))) names no boundary and is not text/html")
        }
        let delimiter = Array(("--" + boundary).utf8)
        var position = bodyStart
        while let found = Self.find(delimiter, in: bytes, from: position) {
            var partStart = found + delimiter.count
            // "--boundary--" closes the message.
            if partStart + 1 < bytes.count, bytes[partStart] == UInt8(ascii: "-"), bytes[partStart + 1] == UInt8(ascii: "-") { break }
            while partStart < bytes.count, bytes[partStart] == 0x20 || bytes[partStart] == 0x09 { partStart += 1 }
            if partStart < bytes.count, bytes[partStart] == 0x0D { partStart += 1 }
            if partStart < bytes.count, bytes[partStart] == 0x0A { partStart += 1 }
            let next = Self.find(delimiter, in: bytes, from: partStart) ?? bytes.count
            guard let (partHeaders, partBody) = Self.headerFields(bytes, from: partStart, end: next) else {
                position = next
                continue
            }
            let partType = partHeaders["content-type"] ?? ""
            if HTTPResponse.mediaType(partType) == "text/html" {
                var end = next
                // The line break before the next delimiter belongs to the delimiter.
                if end > partBody, bytes[end - 1] == 0x0A { end -= 1 }
                if end > partBody, bytes[end - 1] == 0x0D { end -= 1 }
                html = try Self.decode(Array(bytes[partBody..<end]), transferEncoding: partHeaders["content-transfer-encoding"])
                charset = HTTPResponse.parameter("charset", in: partType)
                location = snapshot ?? partHeaders["content-location"]
                return
            }
            position = next
        }
        throw MHTMLError(reason: "the MHTML message has no text/html part")
    }

    /// Header fields (names lowercased, folded lines joined) from `from` to the blank line, and where
    /// the body starts.
    static func headerFields(_ bytes: [UInt8], from: Int, end: Int? = nil) -> ([String: String], Int)? {
        let limit = end ?? bytes.count
        var index = from
        var lines: [String] = []
        var lineStart = from
        while index < limit {
            if bytes[index] == 0x0A {
                var lineEnd = index
                if lineEnd > lineStart, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                if lineEnd == lineStart { return (HeaderFields.parse(lines), index + 1) }
                let line = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
                if let first = line.first, first == " " || first == "\t", !lines.isEmpty {
                    lines[lines.count - 1] += " " + line.trimmingSpaces()
                } else {
                    lines.append(line)
                }
                lineStart = index + 1
            }
            index += 1
        }
        return nil
    }

    static func decode(_ body: [UInt8], transferEncoding: String?) throws(MHTMLError) -> [UInt8] {
        switch (transferEncoding ?? "").lowercased().trimmingSpaces() {
        case "quoted-printable":
            return quotedPrintable(body)
        case "base64":
            let text = String(decoding: body.filter { !($0 == 0x0A || $0 == 0x0D || $0 == 0x20 || $0 == 0x09) }, as: UTF8.self)
            guard let data = Data(base64Encoded: text, options: .ignoreUnknownCharacters) else {
                throw MHTMLError(reason: "the HTML part's base64 is damaged")
            }
            return [UInt8](data)
        default:
            return body
        }
    }

    /// Decodes quoted-printable: "=XX" is a byte, "=" at a line end is a soft break; anything else stays.
    package static func quotedPrintable(_ body: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(body.count)
        var index = 0
        func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            default: nil
            }
        }
        while index < body.count {
            let byte = body[index]
            guard byte == UInt8(ascii: "=") else {
                output.append(byte)
                index += 1
                continue
            }
            if index + 1 < body.count, body[index + 1] == 0x0A {
                index += 2
            } else if index + 2 < body.count, body[index + 1] == 0x0D, body[index + 2] == 0x0A {
                index += 3
            } else if index + 2 < body.count, let high = hex(body[index + 1]), let low = hex(body[index + 2]) {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(byte)
                index += 1
            }
        }
        return output
    }

    static func find(_ pattern: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard let first = pattern.first, pattern.count <= bytes.count else { return nil }
        var index = from
        while index + pattern.count <= bytes.count {
            if bytes[index] == first, bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return index }
            index += 1
        }
        return nil
    }
}
