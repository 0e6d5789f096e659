import Foundation
import Testing
@testable import EncyclopediaExtractor

/// Counts, under a lock, what the read-ahead's reader was asked for.
private final class ReadLog: @unchecked Sendable {
    private let lock = NSLock()
    private var reads: [Int: Int] = [:]
    private var claimed = 0
    private(set) var furthestAhead = 0

    func claim(_ index: Int) {
        lock.withLock { claimed = max(claimed, index + 1) }
    }

    func read(_ index: Int) {
        lock.withLock {
            reads[index, default: 0] += 1
            furthestAhead = max(furthestAhead, index - claimed)
        }
    }

    var counts: [Int: Int] { lock.withLock { reads } }
}

/// Hands out input numbers in order, as the batch runner does.
private final class Claims: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    func claim() -> Int {
        lock.withLock {
            defer { next += 1 }
            return next
        }
    }
}

@Suite struct ReadAheadTests {
    private static func items(_ count: Int) -> [BatchInput] {
        (0..<count).map { BatchInput.file("/pages/p\($0).html") }
    }

    private static func pageBytes(_ index: Int) -> [UInt8] {
        Array("<p>page \(index)</p>".utf8)
    }

    /// Three workers claim pages in order and take them concurrently: each gets its own page, every
    /// page is read exactly once (by the read-ahead or by the worker), and reading stays a few pages
    /// ahead of the claims.
    @Test func everyPageIsReadOnceAndDeliveredToItsWorker() async throws {
        let count = 300
        let items = Self.items(count)
        let log = ReadLog()
        let readAhead = ReadAhead(items: items, wanted: { _ in true }) { item in
            let index = Int(item.relativePath.dropFirst().prefix { $0.isNumber })!
            log.read(index)
            if index % 7 == 0 { usleep(200) }
            return .success(Self.pageBytes(index))
        }
        readAhead.start()
        defer { readAhead.stop() }
        let claims = Claims()
        let delivered = await withTaskGroup(of: [Int: [UInt8]].self) { group in
            for _ in 0..<3 {
                group.addTask {
                    var pages: [Int: [UInt8]] = [:]
                    while true {
                        let index = claims.claim()
                        guard index < count else { return pages }
                        log.claim(index)
                        pages[index] = try? readAhead.page(ofInput: index).get()
                    }
                }
            }
            var all: [Int: [UInt8]] = [:]
            for await pages in group { all.merge(pages) { first, _ in first } }
            return all
        }
        #expect(delivered.count == count)
        #expect((0..<count).allSatisfy { delivered[$0] == Self.pageBytes($0) })
        let reads = log.counts
        #expect(reads.count == count && reads.values.allSatisfy { $0 == 1 }, "each page read exactly once")
        #expect(log.furthestAhead <= ReadAhead.maximumPages, "read \(log.furthestAhead) pages ahead of the claims")
    }

    /// A page that cannot be read reaches its worker as the same error; pages not wanted ahead (a
    /// WARC file, standard input, a page --skip-existing skips) are read by the worker itself.
    @Test func errorsAndUnwantedPagesReachTheWorker() throws {
        let items = Self.items(6)
        let log = ReadLog()
        let readAhead = ReadAhead(items: items, wanted: { $0.relativePath != "p3.html" }) { item in
            let index = Int(item.relativePath.dropFirst().prefix { $0.isNumber })!
            log.read(index)
            return index == 2 ? .failure(.unreadable(path: item.name, reason: "no such file")) : .success(Self.pageBytes(index))
        }
        readAhead.start()
        defer { readAhead.stop() }
        usleep(20_000)
        #expect(log.counts[3] == nil, "an unwanted page is not read ahead")
        for index in 0..<6 {
            let result = readAhead.page(ofInput: index)
            if index == 2 {
                guard case let .failure(error) = result else {
                    Issue.record("page 2 should fail")
                    continue
                }
                #expect(error.description.contains("no such file"))
            } else {
                #expect(try result.get() == Self.pageBytes(index))
            }
        }
        #expect(log.counts.values.allSatisfy { $0 == 1 } && log.counts.count == 6)
    }
}
