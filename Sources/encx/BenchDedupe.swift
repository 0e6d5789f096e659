import ArgumentParser
import EncyclopediaExtractor
import Foundation

extension Bench {
    /// Clusters synthetic fingerprints with the library's deduplicator: the time and memory of the
    /// clustering alone, at sizes no corpus on this machine reaches.
    ///
    /// The fingerprints imitate what mirrors give: articles with 1–6 copies (weights 30, 25, 20, 12, 8, 5),
    /// each copy agreeing with its article's signature in each value with probability 0.85–1, so that two
    /// copies agree in about 0.72 of their values or more (the least similarity seen between copies of
    /// the generated mirrors); 15% of articles share 20% of their values with another (articles sharing a
    /// topic); completeness and keys are random.
    struct DedupeOnly: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "dedupe", abstract: "Cluster N synthetic near-duplicate fingerprints and report time, memory and precision/recall.")

        @Option(help: "How many fingerprints.")
        var fingerprints = 1_000_000

        @Option(help: "The similarity threshold.")
        var threshold = Deduplicator.defaultThreshold

        @Option(help: "The generator's seed.")
        var seed: UInt64 = 1

        func run() throws {
            var random = SplitMix(seed: seed)
            var deduplicator = Deduplicator(threshold: threshold)
            var truth: [Int32] = []
            truth.reserveCapacity(fingerprints)
            var article: Int32 = 0
            var previous: [UInt16] = []
            let weights = [30, 25, 20, 12, 8, 5]
            let generation = ContinuousClock.now
            while truth.count < fingerprints {
                var pick = Int(random.next() % 100)
                var copies = 1
                for (index, weight) in weights.enumerated() {
                    if pick < weight { copies = index + 1; break }
                    pick -= weight
                }
                var base = (0..<Fingerprint.valueCount).map { _ in UInt16(truncatingIfNeeded: random.next()) }
                if !previous.isEmpty && random.next() % 100 < 15 {
                    for index in base.indices where random.next() % 100 < 20 { base[index] = previous[index] }
                }
                previous = base
                for _ in 0..<min(copies, fingerprints - truth.count) {
                    let keep = 0.85 + 0.15 * Double(random.next() % 1000) / 1000
                    let values = base.map { value in Double(random.next() % 10_000) / 10_000 < keep ? value : UInt16(truncatingIfNeeded: random.next()) }
                    let completeness = Completeness(sections: Int(random.next() % 20), references: Int(random.next() % 50), isbns: 0,
                                                    proseBytes: Int(random.next() % 100_000), repairs: 0)
                    let digest = ArticleDigest(fingerprint: Fingerprint(values: values),
                                               contentHash: ContentHash(high: random.next(), low: random.next()), completeness: completeness)
                    deduplicator.add(digest, key: "synthetic-\(truth.count)")
                    truth.append(article)
                }
                article += 1
            }
            let generated = ContinuousClock.now - generation
            let before = Self.residentKilobytes("VmRSS:")
            let clustering = ContinuousClock.now
            let result = deduplicator.run()
            let elapsed = ContinuousClock.now - clustering

            // Pairwise precision and recall, counted through groups (no pair is listed).
            let peak = Self.residentKilobytes("VmHWM:")
            var byCluster: [UInt64: Int] = [:], byArticle: [Int32: Int] = [:], byBoth: [UInt64: Int] = [:]
            for (index, member) in result.members.enumerated() {
                byCluster[member.id, default: 0] += 1
                byArticle[truth[index], default: 0] += 1
                byBoth[member.id ^ (UInt64(truth[index]) &* 0x9E37_79B9_7F4A_7C15), default: 0] += 1
            }
            func pairs<Key>(_ groups: [Key: Int]) -> Double { groups.values.reduce(0) { $0 + Double($1 * ($1 - 1) / 2) } }
            let correct = pairs(byBoth)
            let seconds = Double(elapsed / .microseconds(1)) / 1_000_000
            print("""
                bench dedupe: \(fingerprints) fingerprints of \(article) articles (generated in \(generated)), threshold \(threshold), \(result.rowsPerBand) values per band
                clustered in \(String(format: "%.2f", seconds)) s on one thread: \(String(format: "%.2f", seconds * 1e6 / Double(fingerprints))) µs per fingerprint; \(result.candidatePairs) candidate pairs, \(result.comparisons) compared
                clusters \(result.clusters) (articles \(article)); precision \(String(format: "%.5f", correct / max(pairs(byCluster), 1))), recall \(String(format: "%.5f", correct / max(pairs(byArticle), 1)))
                resident memory: \(before / 1024) MiB with the fingerprints and keys added (the bench's own arrays included), peak \(peak / 1024) MiB while clustering
                """)
        }

        static func residentKilobytes(_ field: String) -> Int {
            let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
            let line = status.split(separator: "\n").first { $0.hasPrefix(field) }
            return line.flatMap { Int($0.dropFirst(field.count).trimmingCharacters(in: .whitespaces).split(separator: " ")[0]) } ?? 0
        }
    }
}
