import Foundation

/// How a ``BatchConverter`` runs.
public struct BatchOptions: Sendable {
    /// Pages converted at once (default: the number of cores): by the thread that takes the results,
    /// between results, and by jobs − 1 worker threads. Results come back in input order whatever this is.
    public var jobs: Int
    /// Keeps only pages whose URL passes (a WARC record's target URI, else the article's `source.url`);
    /// the others come back ``BatchResult/Outcome/filtered(reason:)``.
    public var urlFilter: (@Sendable (String?) -> Bool)?
    /// Keeps only encyclopedia pages (``Extraction/isEncyclopediaPage``); the others are filtered.
    public var encyclopediaPagesOnly: Bool
    /// Inputs not to convert (their output is up to date, say): they come back
    /// ``BatchResult/Outcome/skipped`` and are never read.
    public var skip: (@Sendable (BatchInput) -> Bool)?

    /// Creates options.
    public init(jobs: Int = ProcessInfo.processInfo.activeProcessorCount, urlFilter: (@Sendable (String?) -> Bool)? = nil,
                encyclopediaPagesOnly: Bool = false, skip: (@Sendable (BatchInput) -> Bool)? = nil)
    {
        self.jobs = max(1, jobs)
        self.urlFilter = urlFilter
        self.encyclopediaPagesOnly = encyclopediaPagesOnly
        self.skip = skip
    }
}

/// Why an input, or a record of a WARC file, was not converted.
public struct BatchFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The stable code (``ErrorCode/notHTML``, ``ErrorCode/warcTruncated``, …).
    public var code: ErrorCode
    /// One line naming the input and the reason.
    public var message: String

    public init(code: ErrorCode, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}

/// What became of one input, or of one record of a WARC file.
public struct BatchResult<Output: Sendable>: Sendable {
    /// What happened.
    public enum Outcome: Sendable {
        /// Converted: what the batch's `prepare` made of the extraction (the ``Extraction`` itself by
        /// default), and the article's warning codes.
        case converted(Output, warnings: [WarningCode])
        /// Not converted, with the code and reason.
        case failed(BatchFailure)
        /// Left out by ``BatchOptions/skip``.
        case skipped
        /// Left out by ``BatchOptions/urlFilter`` or ``BatchOptions/encyclopediaPagesOnly``.
        case filtered(reason: FilterReason)
    }

    /// The result's place in the batch: 0, 1, 2, … in the order results come back (a WARC file gives
    /// one result per page or damaged record).
    public let index: Int
    /// The input the result is about.
    public let input: BatchInput
    /// For a record of a WARC file: the record.
    public let record: WARCRecordInfo?
    /// What happened.
    public let outcome: Outcome
    /// The page's size in bytes, as read (0 when it was not read).
    public let bytes: Int
    /// The time it took, reading and extracting.
    public let duration: Duration

    /// The warnings of a converted page (empty otherwise).
    public var warnings: [WarningCode] {
        if case let .converted(_, warnings) = outcome { return warnings }
        return []
    }

    /// The failure, if the input failed.
    public var failure: BatchFailure? {
        if case let .failed(failure) = outcome { return failure }
        return nil
    }
}

/// What a batch did, counted.
public struct BatchSummary: Sendable, Equatable {
    /// Pages converted, and how many of them have warnings.
    public var converted = 0
    public var withWarnings = 0
    public var failed = 0
    public var skipped = 0
    public var filtered = 0
    /// WARC files opened, and their records.
    public var warcFiles = 0
    public var warcStatistics = WARCStatistics()
    /// True when the handler stopped the batch (or its task was cancelled) before the end.
    public var stopped = false

    mutating func count<Output>(_ result: BatchResult<Output>) {
        switch result.outcome {
        case let .converted(_, warnings):
            converted += 1
            if !warnings.isEmpty { withWarnings += 1 }
        case .failed: failed += 1
        case .skipped: skipped += 1
        case .filtered: filtered += 1
        }
    }
}

/// Converts many inputs (page files, folders' pages, WARC files, pages' bytes) on several threads,
/// handing the results back in input order as they finish.
///
/// ```swift
/// let converter = BatchConverter(options: BatchOptions(jobs: 4))
/// let inputs = try BatchInput.collect(["saved-pages/", "crawl.warc.gz"]).inputs
/// for await result in converter.results(for: inputs) {
///     switch result.outcome {
///     case let .converted(extraction, _): print(result.input.name, extraction.article.title)
///     case let .failed(failure): print("failed:", failure.code, failure.message)
///     case .skipped, .filtered: break
///     }
/// }
/// ```
///
/// Memory stays bounded however many inputs there are: workers run at most a few pages ahead of the
/// result being handed back, a WARC file is read one record at a time, and page files are read a few
/// pages ahead on a thread of their own. The calling thread converts too (while the result it waits
/// for is not in), so one job runs without a hand-off between threads for each page; one result's
/// failure never stops the others.
public struct BatchConverter: Sendable {
    /// How each page is extracted.
    public var extractor: Extractor
    /// How the batch runs.
    public var options: BatchOptions

    /// Creates a converter.
    public init(extractor: Extractor = Extractor(), options: BatchOptions = BatchOptions()) {
        self.extractor = extractor
        self.options = options
    }

    /// Converts `inputs`, calling `handle` with each result in input order on the calling thread, as soon
    /// as it and those before it are done; `handle` returns false to stop (nothing further is converted).
    /// `prepare` turns each extraction into the output the caller wants, on the thread that converted it
    /// (render JSON there, so the handler only writes it); an error it throws fails the page with
    /// ``ErrorCode/renderFailed`` (or the ``BatchFailure`` it throws). `tick` is called about four times
    /// a second while the caller waits (to redraw progress).
    @discardableResult
    public func run<Output: Sendable>(
        _ inputs: [BatchInput],
        prepare: @escaping @Sendable (Extraction, BatchResultContext) throws -> Output,
        tick: () -> Void = {},
        handle: (BatchResult<Output>) -> Bool
    ) -> BatchSummary {
        let engine = BatchEngine(inputs: inputs, extractor: extractor, options: options, prepare: prepare)
        defer { engine.stop() }
        var summary = BatchSummary()
        while let result = engine.next(tick: tick) {
            summary.count(result)
            if !handle(result) {
                summary.stopped = true
                break
            }
        }
        summary.warcFiles = engine.warcFiles
        summary.warcStatistics = engine.warcStatistics
        return summary
    }

    /// Converts `inputs`, calling `handle` with each result (its ``Extraction``) in input order.
    @discardableResult
    public func run(_ inputs: [BatchInput], tick: () -> Void = {}, handle: (BatchResult<Extraction>) -> Bool) -> BatchSummary {
        run(inputs, prepare: { extraction, _ in extraction }, tick: tick, handle: handle)
    }

    /// The results of converting `inputs`, in input order, as an asynchronous sequence; cancelling the
    /// task that reads it stops the batch.
    public func results(for inputs: [BatchInput]) -> BatchResults<Extraction> {
        results(for: inputs) { extraction, _ in extraction }
    }

    /// The results, each with what `prepare` made of its extraction on the worker thread.
    public func results<Output: Sendable>(
        for inputs: [BatchInput], prepare: @escaping @Sendable (Extraction, BatchResultContext) throws -> Output
    ) -> BatchResults<Output> {
        BatchResults(inputs: inputs, extractor: extractor, options: options, prepare: prepare)
    }
}

/// What a batch's `prepare` is told about the page besides its extraction.
public struct BatchResultContext: Sendable {
    /// The input the page came from.
    public let input: BatchInput
    /// For a record of a WARC file: the record.
    public let record: WARCRecordInfo?
}

/// The results of a batch as an `AsyncSequence`, in input order. The batch starts when iteration does
/// and stops when the iterating task is cancelled or the sequence is dropped.
public struct BatchResults<Output: Sendable>: AsyncSequence, Sendable {
    public typealias Element = BatchResult<Output>

    let inputs: [BatchInput]
    let extractor: Extractor
    let options: BatchOptions
    let prepare: @Sendable (Extraction, BatchResultContext) throws -> Output

    public func makeAsyncIterator() -> Iterator {
        Iterator(handle: EngineHandle(BatchEngine(inputs: inputs, extractor: extractor, options: options, prepare: prepare)))
    }

    /// Stops the batch when the last iterator holding it is gone.
    final class EngineHandle: Sendable {
        let engine: BatchEngine<Output>
        init(_ engine: BatchEngine<Output>) { self.engine = engine }
        deinit { engine.stop() }
    }

    /// Waits for each result on a thread of its own (never blocking the concurrency pool).
    public struct Iterator: AsyncIteratorProtocol {
        let handle: EngineHandle

        public mutating func next() async -> BatchResult<Output>? {
            let engine = handle.engine
            if Task.isCancelled {
                engine.stop()
                return nil
            }
            return await withTaskCancellationHandler {
                await withCheckedContinuation { continuation in
                    DispatchQueue.global().async { continuation.resume(returning: engine.next(tick: {})) }
                }
            } onCancel: {
                engine.stop()
            }
        }
    }
}
