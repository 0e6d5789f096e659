import Foundation

/// Why a page was left out of a batch.
public enum FilterReason: Sendable, Equatable {
    /// Its URL did not pass ``BatchOptions/urlFilter``.
    case url
    /// It is not an encyclopedia page (``BatchOptions/encyclopediaPagesOnly``).
    case notEncyclopediaPage
}

/// One thing a worker converts: a page (a file or bytes), a record of a WARC file, or an outcome known
/// without converting anything.
private struct WorkUnit: @unchecked Sendable {
    enum Content {
        /// The input's page (read ahead, or read by the worker).
        case page
        /// A page from a record of the input, a WARC file.
        case record(ArchivedPage)
        /// A record that could not be read, or a WARC file that could not be opened.
        case damaged(WARCRecordInfo?, ErrorCode, String)
        /// A record left out by the URL filter.
        case filtered(WARCRecordInfo)
        /// An input the caller skips.
        case skipped
    }

    let input: Int
    let content: Content
}

/// The batch machinery behind ``BatchConverter``: workers claim units one at a time from a source read
/// under a lock (page costs vary a hundredfold; WARC records are read one at a time as workers free up)
/// and results are handed back in order. Workers run at most ``windowPerJob`` × jobs units ahead of
/// the result being handed back, so memory stays bounded however many inputs there are and however
/// slow one of them is.
///
/// The thread that takes the results is one of the jobs: while its next result is not in, it claims
/// and converts the next unit itself, so `jobs` threads convert (the caller and jobs − 1 workers) and
/// one job converts on the caller's thread alone, with no hand-off between threads for each page.
final class BatchEngine<Output: Sendable>: @unchecked Sendable {
    static var windowPerJob: Int { 8 }

    private let inputs: [BatchInput]
    private let extractor: Extractor
    private let options: BatchOptions
    private let prepare: @Sendable (Extraction, BatchResultContext) throws -> Output
    private let readAhead: ReadAhead
    private let condition = NSCondition()

    // The source, read under the lock.
    private var nextInput = 0
    private var reader: (input: Int, reader: WARCReader)?
    private var warcStatisticsRead = WARCStatistics()
    private var warcFilesOpened = 0

    // The order, under the lock.
    private var started = false
    private var nextToClaim = 0
    /// Set once the source is exhausted: the number of units there were.
    private var total: Int?
    private var nextToHandBack = 0
    private var finished: [Int: BatchResult<Output>] = [:]
    private var stopped = false
    private var runningWorkers = 0

    init(inputs: [BatchInput], extractor: Extractor, options: BatchOptions,
         prepare: @escaping @Sendable (Extraction, BatchResultContext) throws -> Output)
    {
        self.inputs = inputs
        self.extractor = extractor
        self.options = options
        self.prepare = prepare
        let limit = extractor.options.parse.maximumInputSize
        let skip = options.skip
        readAhead = ReadAhead(items: inputs, wanted: { input in
            if case .file = input.source { !input.isWARC && !(skip?(input) ?? false) } else { false }
        }) { input in
            guard case let .file(path) = input.source else { return .failure(.unreadable(path: input.name, reason: "not a file")) }
            do throws(ExtractionError) {
                return .success(try Extractor.readPage(path: path, name: input.name, limit: limit))
            } catch {
                return .failure(error)
            }
        }
    }

    /// The WARC files opened so far, and their records.
    var warcFiles: Int { locked { warcFilesOpened } }
    var warcStatistics: WARCStatistics { locked { warcStatisticsRead } }

    /// The next result in order, converting units meanwhile (and waiting for a worker's when none is
    /// left to claim), calling `tick` about four times a second; nil at the end, or once stopped. Called
    /// by one consumer at a time.
    func next(tick: () -> Void) -> BatchResult<Output>? {
        startIfNeeded()
        condition.lock()
        let index = nextToHandBack
        var lastTick = ContinuousClock.now
        while finished[index] == nil, !stopped, !(total.map { index >= $0 } ?? false) {
            if let (unit, claimed) = claim() {
                condition.unlock()
                let result = convert(unit, index: claimed)
                let now = ContinuousClock.now
                if now - lastTick >= Self.tickInterval {
                    lastTick = now
                    tick()
                }
                condition.lock()
                if !stopped { finished[claimed] = result }
                condition.broadcast()
                continue
            }
            // The unit this result comes from is a worker's (claimed, not finished, and not ours).
            guard runningWorkers > 0 else { break }
            _ = condition.wait(until: Date(timeIntervalSinceNow: 0.25))
            condition.unlock()
            lastTick = ContinuousClock.now
            tick()
            condition.lock()
        }
        let result = stopped ? nil : finished.removeValue(forKey: index)
        if result != nil { nextToHandBack = index + 1 }
        condition.broadcast()
        condition.unlock()
        return result
    }

    private static var tickInterval: Duration { .milliseconds(250) }

    /// Stops the batch: workers finish the page in hand and convert nothing more.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
        readAhead.stop()
    }

    private func startIfNeeded() {
        condition.lock()
        defer { condition.unlock() }
        guard !started else { return }
        started = true
        // The caller's thread is the first job.
        runningWorkers = options.jobs - 1
        readAhead.start()
        for _ in 0..<runningWorkers {
            Thread.detachNewThread { [self] in workerLoop() }
        }
    }

    private func locked<Value>(_ body: () -> Value) -> Value {
        condition.lock()
        defer { condition.unlock() }
        return body()
    }

    /// How many units may be claimed ahead of the result being handed back.
    private var window: Int { options.jobs * Self.windowPerJob }

    private func workerLoop() {
        while true {
            condition.lock()
            while !stopped && total == nil && nextToClaim >= nextToHandBack + window {
                condition.wait()
            }
            guard let (unit, index) = claim() else {
                runningWorkers -= 1
                condition.broadcast()
                condition.unlock()
                return
            }
            condition.unlock()
            let result = convert(unit, index: index)
            condition.lock()
            if !stopped { finished[index] = result }
            condition.broadcast()
            condition.unlock()
        }
    }

    /// The next unit and its index, claimed (under the lock); nil when the window is full, the source
    /// is exhausted (which sets `total`) or the batch is stopped.
    private func claim() -> (WorkUnit, Int)? {
        guard !stopped, total == nil, nextToClaim < nextToHandBack + window else { return nil }
        guard let unit = nextUnit() else {
            total = nextToClaim
            return nil
        }
        let index = nextToClaim
        nextToClaim += 1
        return (unit, index)
    }

    // MARK: The source (called under the lock)

    private func nextUnit() -> WorkUnit? {
        while true {
            if let (input, warc) = reader {
                if let item = warc.next() {
                    switch item {
                    case let .page(page):
                        if let filter = options.urlFilter, !filter(page.record.targetURI) {
                            return WorkUnit(input: input, content: .filtered(page.record))
                        }
                        return WorkUnit(input: input, content: .record(page))
                    case let .damaged(info, code, reason):
                        return WorkUnit(input: input, content: .damaged(info, code, "\(inputs[input].name): \(reason)"))
                    }
                }
                add(warc.statistics)
                reader = nil
                continue
            }
            guard nextInput < inputs.count else { return nil }
            let index = nextInput
            nextInput += 1
            let input = inputs[index]
            // A page is judged by the worker that claims it (outside the lock); a WARC file here, whole.
            guard input.isWARC, case let .file(path) = input.source else { return WorkUnit(input: index, content: .page) }
            warcFilesOpened += 1
            if options.skip?(input) ?? false { return WorkUnit(input: index, content: .skipped) }
            do {
                reader = (index, try WARCReader(path: path))
            } catch {
                return WorkUnit(input: index, content: .damaged(nil, error.code, error.description))
            }
        }
    }

    private func add(_ statistics: WARCStatistics) {
        warcStatisticsRead.records += statistics.records
        warcStatisticsRead.pages += statistics.pages
        warcStatisticsRead.ignored += statistics.ignored
        warcStatisticsRead.damaged += statistics.damaged
    }

    // MARK: Converting (on a worker)

    private func convert(_ unit: WorkUnit, index: Int) -> BatchResult<Output> {
        let started = ContinuousClock.now
        let input = inputs[unit.input]
        var bytes: [UInt8] = []
        var origin = PageOrigin()
        var record: WARCRecordInfo?
        func result(_ outcome: BatchResult<Output>.Outcome) -> BatchResult<Output> {
            BatchResult(index: index, input: input, record: record, outcome: outcome, bytes: bytes.count,
                        duration: ContinuousClock.now - started)
        }
        switch unit.content {
        case .skipped:
            return result(.skipped)
        case let .filtered(info):
            record = info
            return result(.filtered(reason: .url))
        case let .damaged(info, code, reason):
            record = info
            return result(.failed(BatchFailure(code: code, message: reason)))
        case let .record(page):
            bytes = page.html
            origin = PageOrigin(archivedPage: page)
            record = page.record
        case .page:
            // A page the caller skips is skipped before it is read.
            if options.skip?(input) ?? false { return result(.skipped) }
            switch input.source {
            case .file:
                switch readAhead.page(ofInput: unit.input) {
                case let .success(read): bytes = read
                case let .failure(error): return result(.failed(BatchFailure(code: error.code, message: error.description)))
                }
            case let .bytes(given):
                bytes = given
            }
        }
        let extraction: Extraction
        do {
            // What was removed is not recorded: a batch never reads it.
            extraction = try extractor.extraction(html: bytes, url: input.url, input: input.name, origin: origin, recordingRemovals: false)
        } catch {
            return result(.failed(BatchFailure(code: error.code, message: error.description)))
        }
        if let filter = options.urlFilter, record == nil, !filter(extraction.article.source.url) {
            return result(.filtered(reason: .url))
        }
        if options.encyclopediaPagesOnly, !extraction.isEncyclopediaPage {
            return result(.filtered(reason: .notEncyclopediaPage))
        }
        do {
            let output = try prepare(extraction, BatchResultContext(input: input, record: record))
            return result(.converted(output, warnings: extraction.article.warnings.map(\.code)))
        } catch let failure as BatchFailure {
            return result(.failed(failure))
        } catch {
            return result(.failed(BatchFailure(code: .renderFailed, message: "\(input.name): cannot prepare the output (\(error))")))
        }
    }
}
