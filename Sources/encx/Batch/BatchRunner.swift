import Foundation

/// What happened to one input.
struct PageOutcome: Sendable {
    enum Status: String, Sendable {
        case ok, warning, error, skipped
    }

    let index: Int
    let item: InputItem
    let status: Status
    /// Rendered output to be written in input order by the caller (stdout or one JSON Lines file);
    /// nil when the worker wrote its own output file or the page failed.
    let output: Data?
    let errorMessage: String?
    let warningCodes: [String]
    let bytes: Int
    let milliseconds: Int
}

/// Converts pages on `jobs` threads through a shared work queue (pages are claimed one at a time,
/// since their cost varies a hundredfold), and hands outcomes back in input order.
///
/// Workers run at most ``windowPerJob`` × jobs pages ahead of the page being handed back, so memory
/// stays bounded however many pages there are and however slow one of them is.
final class BatchRunner: @unchecked Sendable {
    static let windowPerJob = 8

    private let items: [InputItem]
    private let jobs: Int
    private let work: @Sendable (Int, InputItem) -> PageOutcome
    private let condition = NSCondition()
    private var nextToClaim = 0
    private var nextToHandBack = 0
    private var finished: [Int: PageOutcome] = [:]
    private var stopped = false
    private var runningWorkers = 0

    init(items: [InputItem], jobs: Int, work: @escaping @Sendable (Int, InputItem) -> PageOutcome) {
        self.items = items
        self.jobs = max(1, jobs)
        self.work = work
    }

    /// Runs the batch; `handle` receives each outcome in input order and returns false to stop
    /// (`--fail-fast`). `tick` is called about every `tickInterval` seconds while waiting.
    func run(tickInterval: TimeInterval = 0.25, tick: () -> Void = {}, handle: (PageOutcome) -> Bool) {
        let window = jobs * Self.windowPerJob
        let group = DispatchGroup()
        condition.lock()
        runningWorkers = min(jobs, items.count)
        condition.unlock()
        for _ in 0..<min(jobs, items.count) {
            group.enter()
            Thread.detachNewThread { [self] in
                workerLoop(window: window)
                group.leave()
            }
        }
        var index = 0
        while index < items.count {
            condition.lock()
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
            while !stopped && nextToClaim < items.count && nextToClaim >= nextToHandBack + window {
                condition.wait()
            }
            if stopped || nextToClaim >= items.count {
                runningWorkers -= 1
                condition.broadcast()
                condition.unlock()
                return
            }
            let index = nextToClaim
            nextToClaim += 1
            condition.unlock()
            let outcome = work(index, items[index])
            condition.lock()
            finished[index] = outcome
            condition.broadcast()
            condition.unlock()
        }
    }
}
