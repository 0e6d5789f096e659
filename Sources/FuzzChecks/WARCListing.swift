import EncyclopediaExtractor
import Foundation

/// What ``WARCReader`` finds in a file, as JSON Lines: one line per page or damaged record, then one with
/// the statistics. Scripts/warc-differential compares it with what warcio reads from the same file.
public enum WARCListing {
    public static func jsonLines(path: String) -> String {
        var lines: [[String: Any]] = []
        do {
            let reader = try WARCReader(path: path)
            while let item = reader.next() {
                switch item {
                case let .page(page):
                    lines.append(["kind": "page", "offset": page.record.offset, "uri": page.record.targetURI ?? NSNull(),
                                  "date": page.record.date ?? NSNull(), "id": page.record.recordID ?? NSNull(),
                                  "charset": page.charset ?? NSNull(), "html": Data(page.html).base64EncodedString()])
                case let .damaged(record, code, reason):
                    lines.append(["kind": "damaged", "offset": record?.offset ?? NSNull(), "code": code, "reason": reason])
                }
            }
            let statistics = reader.statistics
            lines.append(["kind": "statistics", "records": statistics.records, "pages": statistics.pages,
                          "ignored": statistics.ignored, "damaged": statistics.damaged])
        } catch {
            lines.append(["kind": "error", "reason": error.description])
        }
        return lines.map { line in
            let data = (try? JSONSerialization.data(withJSONObject: line, options: [.sortedKeys])) ?? Data("{}".utf8)
            return String(decoding: data, as: UTF8.self) + "\n"
        }.joined()
    }
}
