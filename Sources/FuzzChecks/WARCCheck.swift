import EncyclopediaExtractor
import Foundation
import FuzzSupport
import HTMLTree

/// FuzzWARC: an input that opens like a WARC file ("W", gzip's 0x1F, a blank line) is read as a file;
/// any other describes a WARC file (``WARCRecipe``), which must read back to the records it was built
/// from. (Each input is read one way: reading every input both ways halved the runs per second.)
public enum WARCCheck {
    public static func check(_ bytes: [UInt8]) throws(InvariantFailure) {
        if let first = bytes.first, [UInt8(ascii: "W"), 0x1F, 0x0D, 0x0A].contains(first) {
            try readsAnyFile(bytes)
        } else {
            var input = FuzzedBytes(bytes)
            try readsBack(WARCRecipe(&input))
        }
    }

    /// The WARC file an input describes (for looking into a finding: `FuzzWARC --recipe INPUT OUTPUT`).
    public static func recipeFile(_ bytes: [UInt8]) -> [UInt8] {
        var input = FuzzedBytes(bytes)
        return WARCRecipe(&input).file
    }

    /// Everything the reader yields from one file, and its statistics at the end.
    struct Reading {
        var items: [WARCItem] = []
        var statistics = WARCStatistics()

        var pages: [ArchivedPage] { items.compactMap { if case let .page(page) = $0 { page } else { nil } } }
        var damagedCodes: [String] { items.compactMap { if case let .damaged(_, code, _) = $0 { code.rawValue } else { nil } } }
    }

    static func read(_ file: [UInt8], maximumRecordSize: Int, maximumPayloadSize: Int) throws(InvariantFailure) -> Reading {
        try ScratchFile.write(file)
        let reader: WARCReader
        do {
            reader = try WARCReader(path: ScratchFile.path, maximumRecordSize: maximumRecordSize, maximumPayloadSize: maximumPayloadSize)
        } catch {
            throw InvariantFailure("the scratch file cannot be opened: \(error)")
        }
        var reading = Reading()
        while let item = reader.next() {
            reading.items.append(item)
            // Every item consumes input, so a file of n bytes cannot yield many more than n items.
            try require(reading.items.count <= file.count + 2, "the reader yields more items (\(reading.items.count)) than the file has bytes")
        }
        try require(reader.next() == nil, "the reader yields an item after it ended")
        reading.statistics = reader.statistics
        return reading
    }

    /// Any bytes: no crash, and the statistics and offsets agree with what was yielded.
    static func readsAnyFile(_ bytes: [UInt8]) throws(InvariantFailure) {
        // Small limits, so that records over them and payloads inflating past them are common.
        let reading = try read(bytes, maximumRecordSize: 4096, maximumPayloadSize: 4096)
        let statistics = reading.statistics
        try require(statistics.pages == reading.pages.count, "statistics count \(statistics.pages) pages, the reader yielded \(reading.pages.count)")
        try require(statistics.damaged == reading.damagedCodes.count,
                    "statistics count \(statistics.damaged) damaged records, the reader reported \(reading.damagedCodes.count)")
        try require(statistics.records >= statistics.pages + statistics.ignored, "statistics: \(statistics)")
        var lastOffset = -1
        for item in reading.items {
            let record: WARCRecordInfo?
            switch item {
            case let .page(page):
                record = page.record
                try require(page.html.count <= 4096, "a page of \(page.html.count) bytes from records and payloads limited to 4096")
            case let .damaged(info, code, reason):
                record = info
                try require(!code.rawValue.isEmpty && !reason.isEmpty, "a damaged record without code or reason")
            }
            guard let record else { continue }
            // Records come in file order; in a plain file each starts with its header.
            try require(record.offset > lastOffset, "record offsets go backwards: \(record.offset) after \(lastOffset)")
            lastOffset = record.offset
            if !Gzip.isGzip(bytes) {
                try require(record.offset + 5 <= bytes.count && Array(bytes[record.offset..<(record.offset + 5)]) == Array("WARC/".utf8),
                            "a record at byte \(record.offset) does not start with \"WARC/\"")
            }
        }
    }

    /// A file built from known records reads back to those records, whatever its compression; damage
    /// costs only the records it touches.
    static func readsBack(_ recipe: WARCRecipe) throws(InvariantFailure) {
        let reading = try read(recipe.file, maximumRecordSize: recipe.maximumRecordSize, maximumPayloadSize: recipe.maximumPayloadSize)
        let items = reading.items.map(expected)
        let pages = reading.pages.map { expected(.page($0)) }
        // A function, so that the description is only made for a failure.
        func context() -> String { "\(recipe.compression), \(recipe.damage), \(recipe.records.count) records, file \(recipe.file.count) bytes starting \(recipe.file.prefix(48).map { String($0, radix: 16) })" }
        switch recipe.damage {
        case .none:
            try require(items == recipe.expected, "\(context()): read \(items), expected \(recipe.expected)")
            let statistics = reading.statistics
            try require(statistics.records == recipe.records.count && statistics.damaged == reading.damagedCodes.count
                            && statistics.pages == recipe.expectedPages.count
                            && statistics.ignored == recipe.records.count - recipe.expected.count,
                        "\(context()): statistics \(statistics)")
            try refusedAsAPage(recipe.file)
        case let .truncated(cut):
            // The pages read are the first pages of the file, unchanged; a gzip stream may hold back the
            // end of what it inflated, but otherwise every record before the cut is read.
            try require(pages.count <= recipe.expectedPages.count && Array(recipe.expectedPages.prefix(pages.count)).map(WARCRecipe.Expected.page) == pages,
                        "\(context()): the pages of a truncated file are not the first pages of the whole: \(pages)")
            if recipe.compression != .gzipWhole {
                let complete = zip(recipe.records, recipe.recordEnds).filter { $0.1 <= cut }.compactMap(\.0.expected)
                try require(Array(items.prefix(complete.count)) == complete,
                            "\(context()): records that end before the cut are not all read: read \(items), expected \(complete) first")
            }
            if !recipe.boundaries.contains(cut) {
                try require(!reading.damagedCodes.isEmpty, "\(context()): a file cut inside a record at byte \(cut) of \(recipe.file.count) is not reported")
            }
        case let .damagedMember(index):
            // Every page but the damaged record's comes out, unchanged and in order (offsets after the
            // damage are not compared: the stream lost bytes there).
            let others = recipe.records.enumerated().filter { $0.offset != index }.compactMap(\.element.expected).filter(\.isPage)
            let whole = recipe.expectedPages.map { withoutOffset(.page($0)) }
            // A record is yielded once its member has ended and passed its checksum, or, when damage
            // keeps the member from ending (it runs on to the end of the file), as soon as its bytes are
            // read: such damage that garbles the record yet keeps its framing (the length still ends at a
            // blank line) can yield one page that was never written (a known limit of reading as a
            // stream: the alternative is holding the rest of the file). At most one.
            var withoutOffsets = pages.map(withoutOffset)
            if let garbled = withoutOffsets.firstIndex(where: { !whole.contains($0) }) { withoutOffsets.remove(at: garbled) }
            // Damage can also make the member run on to the end of the file, its junk read as a stored
            // block holding the members after it; zlib then reports a truncated member and those records
            // are lost (a known limit: the reader does not look back for members inside a damaged one).
            // The damaged record itself may come out whole when the damage lies past its data.
            let before = recipe.records.prefix(index).compactMap(\.expected).filter(\.isPage).map(withoutOffset)
            let through = recipe.records.prefix(index + 1).compactMap(\.expected).filter(\.isPage).map(withoutOffset)
            let ranOn = reading.damagedCodes.last == "warc-truncated" && (withoutOffsets == before || withoutOffsets == through)
            try require(withoutOffsets == others.map(withoutOffset) || withoutOffsets == whole || ranOn,
                        "\(context()): read \(withoutOffsets), expected \(others.map(withoutOffset))")
            // Junk that leaves the member valid (the bytes it replaced, the padding bits of the last
            // deflate byte) is no damage: then every record must come out.
            try require(!reading.damagedCodes.isEmpty || withoutOffsets == whole, "\(context()): the damaged member is not reported")
        case let .junkAfter(index):
            // The junk is one damaged item after its record; every record is read.
            var wanted: [WARCRecipe.Expected] = []
            for (position, record) in recipe.records.enumerated() {
                if let expected = record.expected { wanted.append(expected) }
                if position == index { wanted.append(.damaged(code: "warc-damaged")) }
            }
            try require(items == wanted, "\(context()): read \(items), expected \(wanted)")
        }
    }

    /// A WARC file given to the page extractor is refused, not turned into an article of record headers.
    static func refusedAsAPage(_ file: [UInt8]) throws(InvariantFailure) {
        let outcome = Result { () throws(ExtractionError) in
            try ExtractCheck.extractor.extractWithReport(html: file, url: nil, input: "fuzz.warc").article
        }
        if case let .success(article) = outcome {
            throw InvariantFailure("a WARC file given as a page became an article titled \"\(article.title.prefix(60))\"")
        }
    }

    static func expected(_ item: WARCItem) -> WARCRecipe.Expected {
        switch item {
        case let .page(page):
            .page(WARCRecipe.ExpectedPage(html: page.html, charset: page.charset, targetURI: page.record.targetURI,
                                          date: page.record.date, recordID: page.record.recordID, offset: page.record.offset))
        case let .damaged(_, code, _):
            .damaged(code: code.rawValue)
        }
    }

    static func withoutOffset(_ item: WARCRecipe.Expected) -> WARCRecipe.Expected {
        guard case var .page(page) = item else { return item }
        page.offset = nil
        return .page(page)
    }
}
