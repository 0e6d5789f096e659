/// The time budget of one page (``ExtractionOptions/timeLimit``), measured on the monotonic clock from
/// the moment extraction starts. Checked between stages and every ``BodyWalker/deadlineInterval``
/// nodes of the body walk, so a pathological page ends with an error instead of holding a batch.
struct Deadline {
    let limit: Duration?
    private let end: ContinuousClock.Instant?

    init(_ limit: Duration?) {
        self.limit = limit
        end = limit.map { ContinuousClock.now + $0 }
    }

    var hasPassed: Bool {
        guard let end else { return false }
        return ContinuousClock.now >= end
    }

    /// Throws ``ExtractionError/timeLimitExceeded(input:limit:stage:)`` once the budget is spent.
    func check(input: String, stage: String) throws(ExtractionError) {
        if let limit, hasPassed { throw .timeLimitExceeded(input: input, limit: limit, stage: stage) }
    }
}
