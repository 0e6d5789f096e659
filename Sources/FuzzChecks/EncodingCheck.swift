import Foundation
import FuzzSupport
import HTMLTree

/// FuzzEncoding: the encoding sniffer and the input decoder. The first byte chooses an encoding (and
/// whether a transport label is given), the rest is the page. Whatever the bytes, decoding gives valid
/// UTF-8 without NULs; valid input decodes to itself; single-byte encodings give one character per byte;
/// the UTF-8 validator agrees with the standard library's.
public enum EncodingCheck {
    static let encodings: [TextEncoding] = [
        .utf8, .windows1252, .utf16LittleEndian, .utf16BigEndian,
        TextEncoding(name: "windows-1251"), TextEncoding(name: "koi8-r"), TextEncoding(name: "iso-8859-2"),
        TextEncoding(name: "shift_jis"), TextEncoding(name: "euc-jp"), TextEncoding(name: "iso-2022-jp"),
        TextEncoding(name: "gb18030"), TextEncoding(name: "big5"), TextEncoding(name: "euc-kr"),
        TextEncoding(name: "x-no-such-encoding"),
    ]
    /// Encodings of one byte per character whose converters define every byte.
    static let singleByte: Set<String> = ["windows-1252", "windows-1251", "koi8-r", "iso-8859-2", "x-no-such-encoding"]
    /// Encodings that read ASCII bytes as ASCII (Shift_JIS maps some to other symbols in some tables;
    /// ISO-2022-JP switches on escape sequences).
    static let asciiCompatible: Set<String> = ["utf-8", "windows-1252", "windows-1251", "koi8-r", "iso-8859-2", "euc-jp", "gb18030", "big5", "euc-kr"]
    /// Transport labels as HTTP and MIME headers write them.
    static let transportLabels = ["utf-8", "UTF-8", " iso-8859-1 ", "windows-1251", "Shift_JIS", "utf-16", "x-unknown", ""]

    public static func check(_ bytes: [UInt8]) throws(InvariantFailure) {
        var input = FuzzedBytes(bytes)
        let selector = Int(input.byte())
        let text = input.rest()
        try validatorAgreesWithTheStandardLibrary(text)
        try decodes(text, as: encodings[selector % encodings.count])
        let transport = selector >= 128 ? transportLabels[selector % transportLabels.count] : nil
        try sniffs(text, transport: transport)
        let label = String(decoding: text.prefix(24), as: UTF8.self)
        let folded = TextEncoding(label: label)
        try require(TextEncoding(label: folded.name) == folded, "the label \(label.debugDescription) folds to \(folded.name), which folds to \(TextEncoding(label: folded.name).name)")
        var recipe = FuzzedBytes(text)
        try findsTheDeclaration(&recipe)
    }

    static func validatorAgreesWithTheStandardLibrary(_ text: [UInt8]) throws(InvariantFailure) {
        let ours = text.withUnsafeBytes { UTF8Validation.isValid($0) }
        let standard = String(validating: text, as: UTF8.self) != nil
        try require(ours == standard, "UTF8Validation says \(ours), the standard library \(standard)")
    }

    /// Decoding `text` as `encoding` gives valid UTF-8 without NULs, and what each encoding promises.
    static func decodes(_ text: [UInt8], as encoding: TextEncoding) throws(InvariantFailure) {
        let decoded = InputDecoder.decode(text, as: encoding)
        let name = encoding.name
        guard let string = String(validating: decoded.utf8, as: UTF8.self) else {
            throw InvariantFailure("decoding as \(name) gave invalid UTF-8")
        }
        try require(!decoded.utf8.contains(0), "decoding as \(name) left a NUL")
        try require(decoded.replacedSequences >= 0 && decoded.removedNULs >= 0, "negative counts from \(name)")
        let bom = text.withUnsafeBytes { EncodingSniffer.byteOrderMark($0) }
        let body = bom?.encoding == encoding ? Array(text[bom!.length...]) : text
        let nuls = body.count { $0 == 0 }
        let withoutNULs = body.filter { $0 != 0 }
        if asciiCompatible.contains(name), body.allSatisfy({ $0 < 0x80 }) {
            try require(decoded.utf8 == withoutNULs && decoded.replacedSequences == 0, "ASCII decoded as \(name) is not itself")
        }
        switch encoding {
        case .utf8:
            let valid = String(validating: body, as: UTF8.self) != nil
            let expected = valid ? withoutNULs : Array(String(decoding: body, as: UTF8.self).utf8).filter { $0 != 0 }
            try require(decoded.utf8 == expected, "UTF-8 input does not decode to itself (invalid sequences as U+FFFD)")
            try require(valid == (decoded.replacedSequences == 0), "valid UTF-8 \(valid), yet \(decoded.replacedSequences) sequences replaced")
        case .utf16LittleEndian, .utf16BigEndian:
            let bigEndian = encoding == .utf16BigEndian
            let units = stride(from: 0, to: body.count - 1, by: 2).map { index -> UInt16 in
                let first = UInt16(body[index])
                let second = UInt16(body[index + 1])
                return bigEndian ? first << 8 | second : second << 8 | first
            }
            let valid = body.count % 2 == 0 && String(validating: units, as: UTF16.self) != nil
            if valid {
                try require(Array(string.utf16) == units.filter { $0 != 0 } && decoded.replacedSequences == 0,
                            "valid UTF-16 (\(name)) does not decode to itself")
            } else {
                try require(decoded.replacedSequences > 0, "invalid UTF-16 (\(name)) decoded without a replacement")
            }
        default:
            break
        }
        if singleByte.contains(name) {
            // One character per byte, ASCII for ASCII; windows-1252 maps 0xA0–0xFF to the same code points.
            let scalars = Array(string.unicodeScalars)
            try require(scalars.count == body.count - nuls, "\(body.count - nuls) bytes decoded as \(name) to \(scalars.count) characters")
            for (byte, scalar) in zip(withoutNULs, scalars) {
                try require((byte < 0x80) == (scalar.value < 0x80) && (byte >= 0x80 || scalar.value == UInt32(byte)),
                            "byte \(byte) decoded as \(name) to U+\(String(scalar.value, radix: 16))")
                if encoding == .windows1252, byte >= 0xA0 {
                    try require(scalar.value == UInt32(byte), "windows-1252 byte \(byte) decoded to U+\(String(scalar.value, radix: 16))")
                }
            }
        }
    }

    /// The sniffer's decision rests on what the bytes hold, and decoding by it gives valid UTF-8.
    static func sniffs(_ text: [UInt8], transport: String?) throws(InvariantFailure) {
        let decision = text.withUnsafeBytes { EncodingSniffer.decide($0, forced: nil, transportLabel: transport) }
        let bom = text.withUnsafeBytes { EncodingSniffer.byteOrderMark($0) }
        let valid = String(validating: text, as: UTF8.self) != nil
        switch decision.basis {
        case .byteOrderMark:
            try require(bom?.encoding == decision.encoding, "a byte-order-mark decision without the mark")
        case let .transport(label):
            try require(bom == nil && label == transport?.trimmingCharacters(in: .whitespacesAndNewlines), "transport label \(label), given \(transport ?? "none")")
        case let .declared(label):
            try require(bom == nil && label == text.withUnsafeBytes { EncodingSniffer.declaredLabel($0) }, "declared label \(label) is not in the page")
        case .validUTF8:
            try require(bom == nil && valid && decision.encoding == .utf8, "valid-UTF-8 decision for bytes that are not")
        case .windows1252Fallback:
            try require(bom == nil && !valid && decision.encoding == .windows1252, "windows-1252 fallback for valid UTF-8")
        case .forcedByCaller:
            throw InvariantFailure("a forced decision without a forced encoding")
        }
        try decodes(text, as: decision.encoding)
    }

    /// A label declared by `<meta charset>`, `<meta http-equiv … charset=>` or an XML declaration in the
    /// first 1024 bytes is the one found.
    static func findsTheDeclaration(_ input: inout FuzzedBytes) throws(InvariantFailure) {
        let labelAlphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:".utf8)
        var label = input.text(upTo: 20, from: labelAlphabet)
        if label.isEmpty { label = "utf-8" }
        let declaration = input.pick([
            "<meta charset=\"\(label)\">", "<META CHARSET=\(label)>", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=\(label)\">",
            "<?xml version=\"1.0\" encoding='\(label)'?>", "<meta charset = '\(label)' />",
        ])
        // Text before it without a tag opening (a "<" would start another tag the prescan reads).
        let filler = input.bytes(upTo: 1023 - declaration.utf8.count).map { $0 == UInt8(ascii: "<") ? UInt8(ascii: " ") : $0 }
        let page = filler + Array(declaration.utf8) + input.rest()
        let found = page.withUnsafeBytes { EncodingSniffer.declaredLabel($0) }
        try require(found == label, "declared \(label.debugDescription) at byte \(filler.count), found \(found.debugDescription)")
    }
}
