import Foundation
import HTMLTree

/// Why an archived HTTP response could not be read.
public struct HTTPPayloadError: Error, Sendable, Equatable {
    /// ``ErrorCode/httpDamaged`` or ``ErrorCode/httpEncoding``.
    public let code: ErrorCode
    public let reason: String
}

/// An HTTP response as a WARC `response` record stores it: status line, header fields, payload.
/// The payload is returned de-chunked (`Transfer-Encoding: chunked`) and inflated
/// (`Content-Encoding: gzip`, `x-gzip` or `deflate`).
package struct HTTPResponse {
    package let status: Int
    package let contentType: String
    package let body: [UInt8]

    package static let htmlMediaTypes: Set<String> = ["text/html", "application/xhtml+xml"]

    package var isHTML: Bool {
        let type = Self.mediaType(contentType)
        if Self.htmlMediaTypes.contains(type) { return true }
        // No Content-Type at all: look at the payload, as browsers do.
        guard type.isEmpty else { return false }
        let head = String(decoding: body.prefix(512), as: UTF8.self).lowercased()
        return head.contains("<html") || head.contains("<!doctype html")
    }

    package var charset: String? { Self.parameter("charset", in: contentType) }

    package init(_ block: [UInt8], maximumPayloadSize: Int) throws(HTTPPayloadError) {
        guard let headerEnd = Self.headerEnd(in: block) else {
            throw HTTPPayloadError(code: .httpDamaged, reason: "the HTTP response has no end to its header")
        }
        // Lines end at LF or CRLF (a lone CR stays in its line); split as bytes, not as characters.
        let lines = block[0..<headerEnd.headerLength].split(separator: 0x0A).compactMap { line -> ArraySlice<UInt8>? in
            let text = line.last == 0x0D ? line.dropLast() : line
            return text.isEmpty ? nil : text
        }
        guard let statusBytes = lines.first, statusBytes.starts(with: "HTTP/".utf8) else {
            throw HTTPPayloadError(code: .httpDamaged, reason: "the record holds no HTTP status line")
        }
        let parts = String(decoding: statusBytes, as: UTF8.self).split(separator: " ", maxSplits: 2)
        status = parts.count >= 2 ? Int(parts[1]) ?? 0 : 0
        let fields = HeaderFields.parse(byteLines: lines.dropFirst())
        contentType = fields["content-type"] ?? ""
        var payload = Array(block[headerEnd.bodyStart...])
        let transfer = (fields["transfer-encoding"] ?? "").lowercased()
        if transfer.contains("chunked") {
            payload = try Self.dechunk(payload)
        }
        let encoding = (fields["content-encoding"] ?? "").lowercased().trimmingSpaces()
        switch encoding {
        case "", "identity", "none":
            break
        case "gzip", "x-gzip", "deflate":
            // zlib reads gzip and zlib wrappers alike; payloads already stored decoded pass through.
            if Gzip.isGzip(payload) || (encoding == "deflate" && payload.count >= 2 && (UInt16(payload[0]) << 8 | UInt16(payload[1])) % 31 == 0) {
                do {
                    payload = try Gzip.decompress(payload, limit: maximumPayloadSize)
                } catch {
                    throw HTTPPayloadError(code: .httpEncoding, reason: "the \(encoding) payload cannot be inflated: \(error)")
                }
            }
        default:
            throw HTTPPayloadError(code: .httpEncoding, reason: "the payload's Content-Encoding \"\(encoding)\" is not supported")
        }
        body = payload
    }

    /// Where the header ends: its length without the blank line, and where the body starts.
    static func headerEnd(in block: [UInt8]) -> (headerLength: Int, bodyStart: Int)? {
        var index = 0
        while index + 1 < block.count {
            if block[index] == 0x0A {
                if block[index + 1] == 0x0A { return (index, index + 2) }
                if index + 2 < block.count, block[index + 1] == 0x0D, block[index + 2] == 0x0A { return (index, index + 3) }
            }
            index += 1
        }
        return nil
    }

    /// Undoes `Transfer-Encoding: chunked`: hex size lines (extensions ignored) until a zero chunk.
    package static func dechunk(_ data: [UInt8]) throws(HTTPPayloadError) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(data.count)
        var index = 0
        while true {
            guard let lineEnd = data[index...].firstIndex(of: 0x0A) else {
                throw HTTPPayloadError(code: .httpDamaged, reason: "the chunked payload ends without its final chunk")
            }
            let line = String(decoding: data[index..<lineEnd], as: UTF8.self)
            let sizeText = line.split(separator: ";", maxSplits: 1).first.map { $0.trimmingSpacesAndNewlines() } ?? ""
            guard let size = Int(sizeText, radix: 16), size >= 0 else {
                throw HTTPPayloadError(code: .httpDamaged, reason: "bad chunk size \"\(sizeText.prefix(20))\" in the chunked payload")
            }
            index = lineEnd + 1
            if size == 0 { return output }
            guard index + size <= data.count else {
                throw HTTPPayloadError(code: .httpDamaged, reason: "a chunk of \(size) bytes runs past the end of the payload")
            }
            output.append(contentsOf: data[index..<(index + size)])
            index += size
            // The chunk's own line end.
            if index < data.count, data[index] == 0x0D { index += 1 }
            if index < data.count, data[index] == 0x0A { index += 1 }
        }
    }

    /// "text/html; charset=UTF-8" → "text/html".
    package static func mediaType(_ contentType: String) -> String {
        (contentType.split(separator: ";", maxSplits: 1).first.map(String.init) ?? "").trimmingSpaces().lowercased()
    }

    /// A parameter of a Content-Type value, unquoted: ("charset", "text/html; charset=\"utf-8\"") → "utf-8".
    package static func parameter(_ name: String, in contentType: String) -> String? {
        for part in contentType.split(separator: ";").dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingSpaces().lowercased() == name else { continue }
            var value = pair[1].trimmingSpaces()
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value.isEmpty ? nil : value
        }
        return nil
    }
}
