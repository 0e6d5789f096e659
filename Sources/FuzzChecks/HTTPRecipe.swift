import FuzzSupport
import HTMLTree

/// An HTTP response built from parts chosen by a fuzz input, and what reading it must give.
struct HTTPRecipe {
    enum Outcome: Equatable {
        /// An HTML page with this body and charset.
        case page(html: [UInt8], charset: String?)
        /// Read fine, but not an HTML page (another status or type).
        case ignored
        /// Refused with this code.
        case damaged(code: String)
    }

    var bytes: [UInt8] = []
    var outcome = Outcome.ignored
    var status = 200
    /// The Content-Type field's value; nil when the response has none.
    var contentType: String?
    var body: [UInt8] = []

    static let charsets: [(written: String, value: String?)] = [
        ("utf-8", "utf-8"), ("\"windows-1252\"", "windows-1252"), ("ISO-8859-1", "ISO-8859-1"), ("\"\"", nil), ("", nil),
    ]

    /// A response; `html` asks for an HTML type (a typed response may still be another status).
    init(_ input: inout FuzzedBytes, html: Bool, maximumPayloadSize: Int) {
        status = input.pick([200, 200, 200, 404, 301, 500])
        let lineEnd = input.int(in: 0...5) == 0 ? "\n" : "\r\n"
        body = input.bytes(upTo: 300)
        var charset: String?
        if html {
            switch input.int(in: 0...5) {
            case 0:
                // No Content-Type: the payload's start decides, as in browsers.
                contentType = nil
                if input.bool() { body = Array("<!DOCTYPE html>".utf8) + body }
            default:
                let type = input.pick(["text/html", "text/html", "Text/HTML", "application/xhtml+xml"])
                let parameter = input.pick(Self.charsets)
                charset = parameter.value
                contentType = type + (parameter.written.isEmpty ? "" : input.pick(["; charset=", ";charset=", "; CHARSET = "]) + parameter.written)
            }
        } else {
            contentType = input.pick(["image/png", "text/plain; charset=utf-8", "application/json", "text/css"])
        }
        var fields: [String] = []
        if let contentType { fields.append("Content-Type: \(contentType)") }
        fields.append("Server: fuzz/\(input.int(in: 0...9))")

        var payload = body
        var refused: String?
        switch input.int(in: 0...5) {
        case 1, 2:
            let name = input.pick(["gzip", "x-gzip", "GZIP"])
            fields.append("Content-Encoding: \(name)")
            payload = Gzip.compress(body, wrapper: .gzip, level: Int32(input.int(in: 0...9)))
        case 3:
            fields.append("Content-Encoding: deflate")
            payload = Gzip.compress(body, wrapper: .zlib, level: Int32(input.int(in: 0...9)))
        case 4:
            // Declared gzip but stored decoded (crawlers often store the payload inflated): passed through,
            // unless the body itself opens like gzip.
            fields.append("Content-Encoding: gzip")
            if Gzip.isGzip(body) { body.insert(0x20, at: 0) }
            payload = body
        case 5:
            fields.append("Content-Encoding: identity")
        default:
            break
        }
        if payload != body, body.count > maximumPayloadSize { refused = "http-encoding" }
        if input.int(in: 0...2) == 0 {
            fields.append(input.pick(["Transfer-Encoding: chunked", "transfer-encoding: Chunked"]))
            payload = Self.chunked(payload, input: &input, lineEnd: lineEnd)
        }
        let statusLine = "HTTP/1.\(input.int(in: 0...1)) \(status) \(status == 200 ? "OK" : "Other")"
        let head = ([statusLine] + fields).joined(separator: lineEnd) + lineEnd + lineEnd
        bytes = Array(head.utf8) + payload
        if let refused {
            outcome = .damaged(code: refused)
        } else if status == 200, html, contentType != nil || Self.looksLikeHTML(body) {
            outcome = .page(html: body, charset: charset)
        }
    }

    /// What browsers look for in an untyped payload's first 512 bytes.
    static func looksLikeHTML(_ body: [UInt8]) -> Bool {
        let head = String(decoding: body.prefix(512), as: UTF8.self).lowercased()
        return head.contains("<html") || head.contains("<!doctype html")
    }

    /// `payload` in chunks of sizes chosen by the input, sizes in either case of hex, some with extensions.
    static func chunked(_ payload: [UInt8], input: inout FuzzedBytes, lineEnd: String) -> [UInt8] {
        var output: [UInt8] = []
        var index = 0
        while index < payload.count {
            let size = min(payload.count - index, input.int(in: 1...128))
            var sizeText = String(size, radix: 16, uppercase: input.bool())
            if input.int(in: 0...7) == 0 { sizeText += ";name=value" }
            output += Array((sizeText + lineEnd).utf8) + payload[index..<(index + size)] + Array(lineEnd.utf8)
            index += size
        }
        output += Array(("0" + lineEnd).utf8)
        if input.int(in: 0...3) == 0 { output += Array(("Trailer-Field: x" + lineEnd).utf8) }
        output += Array(lineEnd.utf8)
        return output
    }
}
