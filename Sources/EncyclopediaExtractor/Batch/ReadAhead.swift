import Foundation

/// Reads upcoming page files on a thread of its own while the workers extract the pages before them,
/// so a worker seldom waits for a read (or for the disk, when the pages are not cached).
///
/// Inputs are claimed in order, so the pages just after the last one claimed are read, a few at a time
/// (at most ``maximumPages`` and ``maximumBytes`` waiting). A worker takes its page if it has been
/// read, waits for it if it is being read, and otherwise reads it itself; a page is never read twice.
/// The worker threads and this one are the only users; ``page(ofInput:)`` is safe from any of them.
final class ReadAhead: @unchecked Sendable {
    /// The most pages read and not yet taken (and the most read ahead of the claims).
    static let maximumPages = 32
    /// The most bytes read and not yet taken (one page larger than this is still read, alone): the
    /// pages waiting hold about as much memory as eight did before for pages of 20 to 100 KB, and much
    /// less for large pages (which take milliseconds each to convert: reading one at a time keeps up).
    static let maximumBytes = 1 << 20
    /// Once full, reading waits until takers have brought the pages waiting (and those read ahead of
    /// the claims) down to this many and the bytes to half, then reads up to the limits again: sixteen
    /// small pages for each time the reader is woken (with two jobs the reader takes a converting
    /// core each time it wakes; waking it every four pages made 1,900 context switches in 2,500
    /// pages of 10 KB, every sixteen about 500).
    static let resumePages = 16

    typealias Reader = @Sendable (BatchInput) -> Result<[UInt8], ExtractionError>

    private enum Slot {
        case reading
        case read(Result<[UInt8], ExtractionError>)
    }

    private let items: [BatchInput]
    private let read: Reader
    /// False for inputs never to be read ahead (WARC files, bytes, inputs the caller skips).
    private let wanted: @Sendable (BatchInput) -> Bool
    private let condition = NSCondition()
    /// Inputs being read or read and not yet taken.
    private var slots: [Int: Slot] = [:]
    /// The next input to consider reading.
    private var nextToRead = 0
    /// Inputs below this are past: claimed by workers (or passed over), never read ahead.
    private var claimedUpTo = 0
    private var waitingPages = 0
    private var waitingBytes = 0
    private var stopped = false
    /// Set while the reader waits for room (see ``resumePages``).
    private var readerPaused = false

    init(items: [BatchInput], wanted: @escaping @Sendable (BatchInput) -> Bool, read: @escaping Reader) {
        self.items = items
        self.wanted = wanted
        self.read = read
    }

    func start() {
        Thread.detachNewThread { [self] in readLoop() }
    }

    /// Ends the reading (the run is over); pages read and not taken are dropped.
    func stop() {
        condition.lock()
        stopped = true
        slots.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    /// The page of input `index`: the one read ahead, or read now.
    func page(ofInput index: Int) -> Result<[UInt8], ExtractionError> {
        condition.lock()
        claimedUpTo = max(claimedUpTo, index + 1)
        while case .reading = slots[index] { condition.wait() }
        if case let .read(result)? = slots[index] {
            slots[index] = nil
            waitingPages -= 1
            waitingBytes -= Self.size(of: result)
            wakeReaderIfRoomy()
            condition.unlock()
            return result
        }
        // Not read ahead (nor will it be: it is below `claimedUpTo` now).
        wakeReaderIfRoomy()
        condition.unlock()
        return read(items[index])
    }

    /// Under the lock: no more pages may be read until takers make room.
    private var isFull: Bool {
        nextToRead >= claimedUpTo + Self.maximumPages || waitingPages >= Self.maximumPages || waitingBytes >= Self.maximumBytes
    }

    /// Under the lock: a paused reader may read again.
    private var isRoomy: Bool {
        nextToRead <= claimedUpTo + Self.resumePages && waitingPages <= Self.resumePages && waitingBytes <= Self.maximumBytes / 2
    }

    /// Under the lock: wakes the reader when it waits for room and there is enough.
    private func wakeReaderIfRoomy() {
        if readerPaused, isRoomy { condition.broadcast() }
    }

    private func readLoop() {
        condition.lock()
        while true {
            if !stopped, nextToRead < items.count, isFull {
                readerPaused = true
                while !stopped, nextToRead < items.count, !isRoomy { condition.wait() }
                readerPaused = false
            }
            // Inputs workers claimed before they were reached are theirs to read.
            nextToRead = max(nextToRead, claimedUpTo)
            guard !stopped, nextToRead < items.count else { break }
            let index = nextToRead
            nextToRead += 1
            slots[index] = .reading
            condition.unlock()
            let item = items[index]
            let result: Result<[UInt8], ExtractionError>? = wanted(item) ? read(item) : nil
            condition.lock()
            if let result, !stopped {
                slots[index] = .read(result)
                waitingPages += 1
                waitingBytes += Self.size(of: result)
            } else {
                // Not read ahead: the worker that claims it reads it.
                slots[index] = nil
            }
            condition.broadcast()
        }
        condition.unlock()
    }

    private static func size(of result: Result<[UInt8], ExtractionError>) -> Int {
        if case let .success(bytes) = result { return bytes.count }
        return 0
    }
}
