import Foundation

/// "Name: value" header lines as WARC records, HTTP responses and MIME parts write them.
enum HeaderFields {
    /// The fields of `lines`, names lowercased, values trimmed; the first of a repeated name wins and
    /// lines without a colon are skipped.
    static func parse<Line: StringProtocol>(_ lines: some Sequence<Line>) -> [String: String] {
        var fields: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingSpaces().lowercased()
            if fields[name] == nil {
                fields[name] = line[line.index(after: colon)...].trimmingSpacesAndNewlines()
            }
        }
        return fields
    }

    /// The same for lines given as bytes (WARC record headers): an ASCII line, as header lines are, is
    /// split, trimmed and lowercased as bytes (what the text path does to ASCII, without a `String` per
    /// step); any other line goes through the text path, so the fields are the same either way.
    static func parse(byteLines lines: some Sequence<ArraySlice<UInt8>>) -> [String: String] {
        var fields: [String: String] = [:]
        for line in lines {
            guard line.allSatisfy({ $0 < 0x80 }) else {
                let text = String(decoding: line, as: UTF8.self)
                for (name, value) in parse(CollectionOfOne(text)) where fields[name] == nil { fields[name] = value }
                continue
            }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { continue }
            let nameBytes = trimmed(line[..<colon], newlines: false)
            let name = String(unsafeUninitializedCapacity: nameBytes.count) { buffer in
                for (index, byte) in nameBytes.enumerated() { buffer[index] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
                return nameBytes.count
            }
            if fields[name] == nil {
                fields[name] = String(decoding: trimmed(line[(colon + 1)...], newlines: true), as: UTF8.self)
            }
        }
        return fields
    }

    /// ASCII bytes without leading and trailing spaces and tabs (and CR, LF, VT, FF with `newlines`):
    /// the ASCII members of the sets `trimmingSpaces` and `trimmingSpacesAndNewlines` use.
    private static func trimmed(_ bytes: ArraySlice<UInt8>, newlines: Bool) -> ArraySlice<UInt8> {
        func isTrimmed(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || newlines && byte >= 0x0A && byte <= 0x0D }
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, isTrimmed(bytes[start]) { start += 1 }
        while end > start, isTrimmed(bytes[end - 1]) { end -= 1 }
        return bytes[start..<end]
    }
}
