import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A page's text as UTF-8 bytes, ready for libxml2, with what decoding had to change.
package struct DecodedInput {
    /// The UTF-8 bytes without byte-order mark or NUL characters.
    package var utf8: [UInt8]
    /// Invalid byte sequences replaced with U+FFFD.
    package var replacedSequences: Int
    /// NUL characters removed (libxml2 turns them into runs of spaces that swallow neighbouring text).
    package var removedNULs: Int
}

/// Decodes input bytes in a chosen encoding into UTF-8.
package enum InputDecoder {
    /// Whether libxml2 (through iconv) has a converter for `encoding`.
    package static func canConvert(from encoding: TextEncoding) -> Bool {
        guard let handler = xmlFindCharEncodingHandler(encoding.name) else { return false }
        xmlCharEncCloseFunc(handler)
        return true
    }

    /// Decodes `bytes` into UTF-8. Valid UTF-8 without a byte-order mark (nearly every page) is kept
    /// as it is, without a copy, unless it holds NULs to remove.
    package static func decode(_ bytes: [UInt8], as encoding: TextEncoding) -> DecodedInput {
        if encoding == .utf8, bytes.withUnsafeBytes({ EncodingSniffer.byteOrderMark($0) == nil && UTF8Validation.isValid($0) }) {
            // `removingNULs` hands back the same array when there is no NUL.
            return removingNULs(bytes, replaced: 0)
        }
        return bytes.withUnsafeBytes { decode($0, as: encoding) }
    }

    /// Decodes `bytes` (a byte-order mark, if present, is skipped) into UTF-8.
    package static func decode(_ bytes: UnsafeRawBufferPointer, as encoding: TextEncoding) -> DecodedInput {
        var body = bytes
        if let bom = EncodingSniffer.byteOrderMark(bytes), bom.encoding == encoding {
            body = UnsafeRawBufferPointer(rebasing: bytes[bom.length...])
        }
        switch encoding {
        case .utf8: return decodeUTF8(body)
        case .windows1252: return removingNULs(decodeWindows1252(body), replaced: 0)
        case .utf16LittleEndian: return decodeUTF16(body, bigEndian: false)
        case .utf16BigEndian: return decodeUTF16(body, bigEndian: true)
        default: return decodeWithLibXML2(body, encoding: encoding)
        }
    }

    private static func decodeUTF8(_ bytes: UnsafeRawBufferPointer) -> DecodedInput {
        if UTF8Validation.isValid(bytes) {
            return removingNULs(Array(bytes), replaced: 0)
        }
        let repaired = String(decoding: bytes, as: UTF8.self)
        var replaced = 0
        for scalar in repaired.unicodeScalars where scalar == "\u{FFFD}" { replaced += 1 }
        var original = 0
        var index = 0
        // Count replacement characters that were already in the input, so only repairs are reported.
        while index + 2 < bytes.count {
            if bytes[index] == 0xEF && bytes[index + 1] == 0xBF && bytes[index + 2] == 0xBD { original += 1 }
            index += 1
        }
        return removingNULs(Array(repaired.utf8), replaced: max(0, replaced - original))
    }

    private static func decodeUTF16(_ bytes: UnsafeRawBufferPointer, bigEndian: Bool) -> DecodedInput {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 0
        while index + 1 < bytes.count {
            let first = UInt16(bytes[index])
            let second = UInt16(bytes[index + 1])
            units.append(bigEndian ? (first << 8 | second) : (second << 8 | first))
            index += 2
        }
        let text = String(decoding: units, as: UTF16.self)
        var replaced = bytes.count % 2
        for scalar in text.unicodeScalars where scalar == "\u{FFFD}" { replaced += 1 }
        for unit in units where unit == 0xFFFD { replaced -= 1 }
        return removingNULs(Array(text.utf8), replaced: max(0, replaced))
    }

    /// windows-1252's 0x80–0x9F row; the five unassigned bytes map to the C1 controls, as browsers do.
    private static let windows1252HighRow: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
        0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
        0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    private static func decodeWindows1252(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                output.append(byte)
                continue
            }
            let scalar = byte < 0xA0 ? windows1252HighRow[Int(byte - 0x80)] : UInt32(byte)
            appendUTF8(scalar, to: &output)
        }
        return output
    }

    private static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
        if scalar < 0x800 {
            output.append(UInt8(0xC0 | (scalar >> 6)))
            output.append(UInt8(0x80 | (scalar & 0x3F)))
        } else {
            output.append(UInt8(0xE0 | (scalar >> 12)))
            output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }

    /// Other encodings (windows-1251, KOI8-R, Shift_JIS, …) through libxml2's iconv converters.
    /// Bytes the converter rejects end the conversion; the rest of the input is then decoded as
    /// windows-1252 so that nothing is lost silently, and the bytes are counted as replaced.
    private static func decodeWithLibXML2(_ bytes: UnsafeRawBufferPointer, encoding: TextEncoding) -> DecodedInput {
        guard let handler = xmlFindCharEncodingHandler(encoding.name) else {
            return removingNULs(decodeWindows1252(bytes), replaced: 0)
        }
        defer { xmlCharEncCloseFunc(handler) }
        guard let input = xmlBufferCreateSize(bytes.count), let output = xmlBufferCreateSize(bytes.count * 2) else {
            return removingNULs(decodeWindows1252(bytes), replaced: 0)
        }
        defer {
            xmlBufferFree(input)
            xmlBufferFree(output)
        }
        if let base = bytes.baseAddress, bytes.count > 0 {
            xmlBufferAdd(input, base.assumingMemoryBound(to: xmlChar.self), Int32(clamping: bytes.count))
        }
        // Rejected bytes are counted below, not printed to the process's standard error.
        let status = encx_convertToUTF8Quietly(handler, output, input)
        var result: [UInt8] = []
        if let content = xmlBufferContent(output) {
            let length = Int(xmlBufferLength(output))
            result = Array(UnsafeBufferPointer(start: content, count: length))
        }
        var replaced = 0
        let leftover = Int(xmlBufferLength(input))
        if status < 0 || leftover > 0, let content = xmlBufferContent(input), leftover > 0 {
            replaced = leftover
            result += decodeWindows1252(UnsafeRawBufferPointer(start: content, count: leftover))
        }
        let valid = result.withUnsafeBytes { UTF8Validation.isValid($0) }
        if !valid {
            result = Array(String(decoding: result, as: UTF8.self).utf8)
        }
        return removingNULs(result, replaced: replaced)
    }

    private static func removingNULs(_ bytes: [UInt8], replaced: Int) -> DecodedInput {
        let hasNUL = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { memchr($0, 0, buffer.count) != nil } ?? false
        }
        guard hasNUL else {
            return DecodedInput(utf8: bytes, replacedSequences: replaced, removedNULs: 0)
        }
        var cleaned = bytes
        cleaned.removeAll { $0 == 0 }
        return DecodedInput(utf8: cleaned, replacedSequences: replaced, removedNULs: bytes.count - cleaned.count)
    }
}
