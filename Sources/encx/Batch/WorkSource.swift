import EncyclopediaExtractor
import Foundation

/// One thing to convert: a page file (or standard input), or a record read from a WARC file.
struct WorkUnit: @unchecked Sendable {
    enum Content {
        /// Read the page from `item` (a file, or standard input), input number `index` of the run.
        case file(index: Int)
        /// A page from a WARC record.
        case record(ArchivedPage)
        /// A WARC record that could not be read, or a WARC file that could not be opened.
        case damaged(WARCRecordInfo?, code: String, reason: String)
        /// A WARC record left out by --url-pattern.
        case filtered(WARCRecordInfo, reason: String)
        /// A WARC file whose output is newer than it (--skip-existing).
        case upToDate
    }

    let item: InputItem
    let content: Content

    var warc: WARCRecordInfo? {
        switch content {
        case let .record(page): page.record
        case let .damaged(info, _, _): info
        case let .filtered(info, _): info
        case .file, .upToDate: nil
        }
    }
}

/// A compiled --url-pattern (NSRegularExpression is safe to share between threads once built).
struct URLPattern: @unchecked Sendable {
    let text: String
    private let expression: NSRegularExpression

    init(_ text: String) throws {
        self.text = text
        expression = try NSRegularExpression(pattern: text)
    }

    func matches(_ url: String?) -> Bool {
        guard let url else { return false }
        return expression.firstMatch(in: url, range: NSRange(url.startIndex..., in: url)) != nil
    }
}

/// Turns the inputs into work units lazily: page files one each, WARC files record by record (only
/// one record of a WARC is read ahead of the workers, so memory is bounded by the largest record).
/// Not thread-safe: the batch runner calls it under its lock.
final class WorkSource {
    private let items: [InputItem]
    private let urlPattern: URLPattern?
    private let upToDate: (InputItem) -> Bool
    private var nextItem = 0
    private var reader: (item: InputItem, reader: WARCReader)?
    /// Record counts of every WARC file read so far.
    private(set) var warcStatistics = WARCStatistics()
    private(set) var warcFiles = 0

    init(items: [InputItem], urlPattern: URLPattern?, upToDate: @escaping (InputItem) -> Bool) {
        self.items = items
        self.urlPattern = urlPattern
        self.upToDate = upToDate
    }

    func next() -> WorkUnit? {
        while true {
            if let (item, warc) = reader {
                if let record = warc.next() {
                    switch record {
                    case let .page(page):
                        if let urlPattern, !urlPattern.matches(page.record.targetURI) {
                            return WorkUnit(item: item, content: .filtered(page.record, reason: "its URL does not match --url-pattern"))
                        }
                        return WorkUnit(item: item, content: .record(page))
                    case let .damaged(info, code, reason):
                        return WorkUnit(item: item, content: .damaged(info, code: code, reason: "\(item.displayPath): \(reason)"))
                    }
                }
                add(warc.statistics)
                reader = nil
                continue
            }
            guard nextItem < items.count else { return nil }
            let index = nextItem
            let item = items[index]
            nextItem += 1
            guard item.isWARC, let url = item.url else { return WorkUnit(item: item, content: .file(index: index)) }
            warcFiles += 1
            if upToDate(item) { return WorkUnit(item: item, content: .upToDate) }
            do {
                reader = (item, try WARCReader(path: url.path))
            } catch {
                return WorkUnit(item: item, content: .damaged(nil, code: error.code, reason: error.description))
            }
        }
    }

    private func add(_ statistics: WARCStatistics) {
        warcStatistics.records += statistics.records
        warcStatistics.pages += statistics.pages
        warcStatistics.ignored += statistics.ignored
        warcStatistics.damaged += statistics.damaged
    }
}
