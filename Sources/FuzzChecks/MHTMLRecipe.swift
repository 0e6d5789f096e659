import Foundation
import FuzzSupport

/// An MHTML message built around a page chosen by a fuzz input, as browsers save one (a
/// `multipart/related` message with the page and its resources, or a single `text/html` part), and what
/// ``MHTMLPage`` must unpack from it.
struct MHTMLRecipe {
    var bytes: [UInt8] = []
    var html: [UInt8] = []
    var charset: String?
    var location: String?
    /// True when the message's header says MIME (a `MIME-Version` field or a `multipart/related` type).
    var looksLikeMHTML = true
    /// False when the input put the boundary's delimiter where it was not meant to be (in a URL, say):
    /// then the parts are not the ones built, and only the robustness checks apply.
    var isUnambiguous = true

    static let charsets: [(written: String, value: String?)] = [
        ("utf-8", "utf-8"), ("\"windows-1251\"", "windows-1251"), ("ISO-8859-1", "ISO-8859-1"), ("", nil),
    ]

    init(_ input: inout FuzzedBytes) {
        html = input.bytes(upTo: 400)
        let lineEnd = input.int(in: 0...5) == 0 ? "\n" : "\r\n"
        let pageURL = "http://example.org/" + input.text(upTo: 12, from: FuzzedBytes.tokenAlphabet)
        let snapshot = input.bool() ? pageURL + "?saved" : nil
        let partLocation = input.bool() ? pageURL : nil
        location = snapshot ?? partLocation
        let parameter = input.pick(Self.charsets)
        charset = parameter.value
        let pageType = "text/html" + (parameter.written.isEmpty ? "" : "; charset=" + parameter.written)
        let boundary = "----MultipartBoundary--" + input.text(upTo: 20, from: FuzzedBytes.tokenAlphabet) + "----"
        let delimiter = Array(("--" + boundary).utf8)

        // The page's transfer encoding; bytes that would hold the delimiter go as base64, which cannot.
        var encoding = input.pick(["quoted-printable", "Quoted-Printable", "base64", "BASE64", "8bit", "binary", ""])
        let singlePart = input.int(in: 0...4) == 0
        var body = Self.encode(html, as: encoding, lineEnd: lineEnd, input: &input)
        // A raw body ending in CR before a bare-LF line end reads as ending a CRLF, which belongs to the
        // delimiter (RFC 2046): ambiguous, so it goes as base64 too.
        if !singlePart, Self.contains(delimiter, in: body) || (lineEnd == "\n" && body.last == 0x0D) {
            encoding = "base64"
            body = Self.encode(html, as: encoding, lineEnd: lineEnd, input: &input)
        }
        var header: [String] = ["From: <Saved by Blink>"]
        if let snapshot { header.append("Snapshot-Content-Location: \(snapshot)") }
        header.append("Subject: A saved page")
        let mimeVersion = !singlePart || input.int(in: 0...3) != 0
        if mimeVersion { header.append("MIME-Version: 1.0") }
        looksLikeMHTML = mimeVersion || !singlePart

        var pageHeader: [String] = []
        if !encoding.isEmpty { pageHeader.append("Content-Transfer-Encoding: \(encoding)") }
        if let partLocation { pageHeader.append("Content-Location: \(partLocation)") }

        if singlePart {
            // The whole message is the page: its fields sit in the message's header.
            header.append("Content-Type: \(pageType)")
            if !encoding.isEmpty { header.append("Content-Transfer-Encoding: \(encoding)") }
            if snapshot == nil, let partLocation { header.append("Content-Location: \(partLocation)") }
            bytes = Array((header.joined(separator: lineEnd) + lineEnd + lineEnd).utf8) + body
            return
        }
        // Folded as Chrome folds it.
        let quoted = input.bool()
        header.append("Content-Type: multipart/related;\(lineEnd)\ttype=\"text/html\";\(lineEnd)\tboundary=" + (quoted ? "\"\(boundary)\"" : boundary))
        var message = Array((header.joined(separator: lineEnd) + lineEnd + lineEnd).utf8)
        if input.bool() { message += Array("This is a multi-part message in MIME format.\(lineEnd)\(lineEnd)".utf8) }
        var parts = 0
        func part(_ fields: [String], _ content: [UInt8]) -> [UInt8] {
            parts += 1
            return delimiter + Array((lineEnd + fields.joined(separator: lineEnd) + lineEnd + lineEnd).utf8) + content + Array(lineEnd.utf8)
        }
        // Resources before the page (a stylesheet, an image), which the reader passes over.
        for _ in 0..<input.int(in: 0...2) {
            let resource = input.bytes(upTo: 60)
            message += part(["Content-Type: image/png", "Content-Transfer-Encoding: base64", "Content-Location: \(pageURL).png"],
                            Self.encode(resource, as: "base64", lineEnd: lineEnd, input: &input))
        }
        message += part(["Content-Type: \(pageType)", "Content-ID: <frame-1@mhtml.blink>"] + pageHeader, body)
        if input.bool() {
            message += part(["Content-Type: text/css", "Content-Location: \(pageURL).css"], Array("p { color: red }".utf8))
        }
        message += delimiter + Array(("--" + lineEnd).utf8)
        bytes = message
        isUnambiguous = Self.occurrences(of: delimiter, in: message) == parts + 1
    }

    static func contains(_ pattern: [UInt8], in bytes: [UInt8]) -> Bool {
        occurrences(of: pattern, in: bytes) > 0
    }

    static func occurrences(of pattern: [UInt8], in bytes: [UInt8]) -> Int {
        guard !pattern.isEmpty, pattern.count <= bytes.count else { return 0 }
        var count = 0
        for start in 0...(bytes.count - pattern.count) where bytes[start..<(start + pattern.count)].elementsEqual(pattern) {
            count += 1
        }
        return count
    }

    static func encode(_ bytes: [UInt8], as encoding: String, lineEnd: String, input: inout FuzzedBytes) -> [UInt8] {
        switch encoding.lowercased() {
        case "quoted-printable": quotedPrintable(bytes, lineLength: input.int(in: 4...76), lowercaseHex: input.int(in: 0...3) == 0, lineEnd: lineEnd)
        case "base64":
            Array(Data(bytes).base64EncodedString(options: lineEnd == "\n" ? [.lineLength76Characters, .endLineWithLineFeed]
                : [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed]).utf8)
        default: bytes
        }
    }

    /// Quoted-printable as mail and browsers write it: printable ASCII as itself, every other byte (and
    /// "=") as "=XX", a CRLF in the text as a hard line break, lines wrapped with soft breaks ("=" at the
    /// line end). Space and tab before a line end are encoded, as RFC 2045 asks.
    static func quotedPrintable(_ bytes: [UInt8], lineLength: Int = 76, lowercaseHex: Bool = false, lineEnd: String = "\r\n") -> [UInt8] {
        let digits = Array((lowercaseHex ? "0123456789abcdef" : "0123456789ABCDEF").utf8)
        let lineEndBytes = Array(lineEnd.utf8)
        let crlf = lineEnd == "\r\n"
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 3)
        var column = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if crlf, byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                output.append(0x0D)
                output.append(0x0A)
                column = 0
                index += 2
                continue
            }
            let beforeLineEnd = index + 1 == bytes.count || bytes[index + 1] == 0x0D
            let literal = (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=")) || ((byte == 0x20 || byte == 0x09) && !beforeLineEnd)
            let width = literal ? 1 : 3
            if column + width > lineLength - 1 {
                output.append(UInt8(ascii: "="))
                output.append(contentsOf: lineEndBytes)
                column = 0
            }
            if literal {
                output.append(byte)
            } else {
                output.append(UInt8(ascii: "="))
                output.append(digits[Int(byte >> 4)])
                output.append(digits[Int(byte & 0x0F)])
            }
            column += width
            index += 1
        }
        return output
    }
}
