import Foundation

/// Progress on one redrawn line of standard error (only when it is a terminal), and the summary.
final class ProgressLine {
    /// The number of pages, or nil while it is unknown (WARC files are counted as they are read).
    private let total: Int?
    private let enabled: Bool
    private let start = Date()
    private var lastDraw = Date.distantPast
    private(set) var done = 0
    private(set) var converted = 0
    private(set) var withWarnings = 0
    private(set) var failed = 0
    private(set) var skipped = 0
    private(set) var filtered = 0

    init(total: Int?, enabled: Bool) {
        self.total = total
        self.enabled = enabled
    }

    func record(_ outcome: WrittenOutcome) {
        done += 1
        switch outcome.status {
        case .ok: converted += 1
        case .warning: converted += 1; withWarnings += 1
        case .error: failed += 1
        case .skipped: skipped += 1
        case .filtered: filtered += 1
        }
        draw()
    }

    /// Redraws at most five times a second.
    func draw(force: Bool = false) {
        guard enabled else { return }
        let now = Date()
        guard force || now.timeIntervalSince(lastDraw) >= 0.2 else { return }
        lastDraw = now
        let elapsed = now.timeIntervalSince(start)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let line: String
        if let total {
            let remaining = rate > 0 ? Double(total - done) / rate : 0
            line = String(format: "\r\u{1B}[K%d/%d pages  %.1f pages/s  ETA %@  (%d failed)", done, total, rate,
                          Self.duration(remaining), failed)
        } else {
            line = String(format: "\r\u{1B}[K%d pages  %.1f pages/s  (%d failed)", done, rate, failed)
        }
        FileHandle.standardError.write(Data(line.utf8))
    }

    func clear() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    var summary: String {
        let elapsed = Date().timeIntervalSince(start)
        let rate = elapsed > 0 ? Double(converted) / elapsed : 0
        var parts = ["converted \(converted) page\(converted == 1 ? "" : "s") (\(withWarnings) with warnings)",
                     "\(failed) failed"]
        if skipped > 0 { parts.append("\(skipped) skipped (output up to date)") }
        if filtered > 0 { parts.append("\(filtered) filtered out") }
        return "encx: " + parts.joined(separator: ", ") + String(format: " in %.2f s (%.1f pages/s)", elapsed, rate)
    }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return whole >= 60 ? "\(whole / 60)m\(whole % 60)s" : "\(whole)s"
    }
}
