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
}
