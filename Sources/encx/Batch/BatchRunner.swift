import EncyclopediaExtractor
import Foundation

/// What happened to one input.
struct PageOutcome: Sendable {
    enum Status: String, Sendable {
        /// `skipped`: the output is up to date (--skip-existing); `filtered`: left out by --url-pattern
        /// or --family-only.
        case ok, warning, error, skipped, filtered
    }

    let index: Int
    let item: InputItem
    /// The WARC record the outcome is about, for records of a WARC file.
    let warc: WARCRecordInfo?
    let status: Status
    /// Rendered output the caller writes, in input order: to `outputFile` when set (one file per page),
    /// else to the run's stream (stdout or one JSON Lines file); nil when the page has none.
    let output: Data?
    /// The page's own output file, for one file per page.
    var outputFile: URL? = nil
    let errorMessage: String?
    let warningCodes: [String]
    let bytes: Int
    let milliseconds: Int

    /// The same outcome, failed with `message` and without output (its output file could not be written).
    func failed(_ message: String) -> PageOutcome {
        PageOutcome(index: index, item: item, warc: warc, status: .error, output: nil, errorMessage: message,
                    warningCodes: warningCodes, bytes: bytes, milliseconds: milliseconds)
    }
}

/// Converts pages on `jobs` threads through a shared work queue (pages are claimed one at a time,
/// since their cost varies a hundredfold), and hands outcomes back in input order. Work comes from a
/// ``WorkSource`` read under the queue's lock, so WARC records are read one at a time as workers
/// free up.
///
/// Workers run at most ``windowPerJob`` × jobs pages ahead of the page being handed back, so memory
/// stays bounded however many pages there are and however slow one of them is.
final class BatchRunner: @unchecked Sendable {
    static let windowPerJob = 8

    private let source: WorkSource
    private let jobs: Int
    private let work: @Sendable (Int, WorkUnit) -> PageOutcome
    private let condition = NSCondition()
    private var nextToClaim = 0
    /// Set once the source is exhausted: the number of units there were.
    private var total: Int?
    private var nextToHandBack = 0
    private var finished: [Int: PageOutcome] = [:]
    private var stopped = false
    private var runningWorkers = 0

    init(source: WorkSource, jobs: Int, work: @escaping @Sendable (Int, WorkUnit) -> PageOutcome) {
        self.source = source
        self.jobs = max(1, jobs)
        self.work = work
    }

    /// Runs the batch; `handle` receives each outcome in input order and returns false to stop
    /// (`--fail-fast`). `tick` is called about every `tickInterval` seconds while waiting.
    func run(tickInterval: TimeInterval = 0.25, tick: () -> Void = {}, handle: (PageOutcome) -> Bool) {
        let window = jobs * Self.windowPerJob
        let group = DispatchGroup()
        condition.lock()
        runningWorkers = jobs
        condition.unlock()
        for _ in 0..<jobs {
            group.enter()
            Thread.detachNewThread { [self] in
                workerLoop(window: window)
                group.leave()
            }
        }
        var index = 0
        while true {
            condition.lock()
            if let total, index >= total {
                condition.unlock()
                break
            }
            while finished[index] == nil && !(runningWorkers == 0) {
                _ = condition.wait(until: Date(timeIntervalSinceNow: tickInterval))
                condition.unlock()
                tick()
                condition.lock()
            }
            let outcome = finished.removeValue(forKey: index)
            nextToHandBack = index + 1
            condition.broadcast()
            condition.unlock()
            guard let outcome else { break }
            if !handle(outcome) {
                condition.lock()
                stopped = true
                condition.broadcast()
                condition.unlock()
                break
            }
            index += 1
        }
        group.wait()
    }

    private func workerLoop(window: Int) {
        while true {
            condition.lock()
            while !stopped && total == nil && nextToClaim >= nextToHandBack + window {
                condition.wait()
            }
            guard !stopped, total == nil, let unit = source.next() else {
                if total == nil { total = nextToClaim }
                runningWorkers -= 1
                condition.broadcast()
                condition.unlock()
                return
            }
            let index = nextToClaim
            nextToClaim += 1
            condition.unlock()
            let outcome = work(index, unit)
            condition.lock()
            finished[index] = outcome
            condition.broadcast()
            condition.unlock()
        }
    }
}
