import Foundation

/// Groups near-duplicate articles (copies of one article on several mirrors) into clusters and chooses
/// the copy to keep in each.
///
/// ```swift
/// var deduplicator = Deduplicator(threshold: 0.5)
/// for (path, article) in articles { deduplicator.add(article, key: path) }
/// let result = deduplicator.run()
/// for (index, member) in result.members.enumerated() where member.isCanonical { print(index, member.cluster) }
/// ```
///
/// Two articles are duplicates when their prose hashes alike (the same ``ContentHash``), or when their
/// fingerprints agree in at least `threshold` of their values (estimated Jaccard similarity of their
/// shingles); clusters are the groups that such pairs connect. Pairs are found by LSH banding, never by
/// comparing all pairs: the 64 values are cut into bands of ``rowsPerBand`` values, articles that agree in
/// a whole band are candidates, and only candidates are compared. Each cluster's canonical copy is its most
/// complete (``Completeness``); ties go to the smallest key, then to the one added first. The cluster's id
/// is the first 16 hex digits of its canonical copy's content hash (for a copy without prose, of a hash of
/// its key): the same inputs give the same ids and the same canonical copies in any order.
///
/// Memory is linear: about 200 bytes per article added (the 128-byte signature, the counts and the key),
/// and about 60 more while clustering; time is linear in the number of articles and candidate pairs
/// (`encx bench dedupe`: 1,000,000 synthetic fingerprints in about 4 s on one core).
public struct Deduplicator: Sendable {
    /// The default similarity: copies of one article on the generated mirrors are at 0.72 or more (a
    /// copy that lost a paragraph of a short article against another that lost another), articles that
    /// share a topic and a quarter of their paragraphs at 0.23 or less; 0.5 sits in the middle, about
    /// four standard deviations of the estimate from either.
    public static let defaultThreshold = 0.5

    /// The least share of agreeing values for two articles to be duplicates (0 < threshold ≤ 1).
    public let threshold: Double
    /// Values per LSH band: the most (the fewest candidates) for which articles at 0.75 × `threshold`
    /// still share a band with even odds, and at least two. 3 at the default 0.5 (21 bands: copies at
    /// 0.72 are candidates with probability 0.99995, articles at 0.25 with 0.28, unrelated ones at 0.05
    /// with 0.003).
    public let rowsPerBand: Int

    private var signatures: [UInt16] = []
    private var entries: [Entry] = []

    private struct Entry: Sendable {
        /// Where the fingerprint starts in `signatures`, or -1.
        var signature: Int32
        var contentHash: ContentHash?
        /// ``Completeness`` in the order it compares (repairs negated), kept small.
        var completeness: (Int32, Int32, Int32, Int64, Int32)
        var key: String
    }

    /// Creates an empty deduplicator; `threshold` is clamped into 0.01...1.
    public init(threshold: Double = defaultThreshold) {
        let threshold = threshold.isFinite ? min(1, max(0.01, threshold)) : Self.defaultThreshold
        self.threshold = threshold
        rowsPerBand = Self.rows(for: threshold)
    }

    static func rows(for threshold: Double) -> Int {
        var rows = 2
        for candidate in 2...16 {
            let bands = Double(Fingerprint.valueCount / candidate)
            // The similarity at which one of `bands` bands of `candidate` values agrees with even odds.
            let midpoint = Foundation.pow(1 / bands, 1 / Double(candidate))
            if midpoint <= 0.75 * threshold { rows = candidate }
        }
        return rows
    }

    /// Articles added.
    public var count: Int { entries.count }

    /// Adds an article (its digest read from its text); returns its index in ``DedupeResult/members``.
    @discardableResult
    public mutating func add(_ article: Article, key: String) -> Int {
        add(ArticleDigest(article), key: key)
    }

    /// Adds an article's digest; `key` names it (a path, a URL) and breaks ties between equally complete
    /// copies. Returns its index in ``DedupeResult/members``.
    @discardableResult
    public mutating func add(_ digest: ArticleDigest, key: String) -> Int {
        var offset: Int32 = -1
        if let fingerprint = digest.fingerprint {
            offset = Int32(signatures.count)
            signatures.append(contentsOf: fingerprint.values)
        }
        let counts = digest.completeness
        func small(_ value: Int) -> Int32 { Int32(clamping: value) }
        entries.append(Entry(signature: offset, contentHash: digest.contentHash,
                             completeness: (small(counts.sections), small(counts.references), small(counts.isbns), Int64(counts.proseBytes),
                                            small(-counts.repairs)),
                             key: key))
        return entries.count - 1
    }

    /// Clusters the articles added so far.
    public func run() -> DedupeResult {
        var sets = DisjointSets(count: entries.count)
        var statistics = (candidates: 0, comparisons: 0)
        joinExactDuplicates(&sets)
        joinSimilar(&sets, statistics: &statistics)

        // The canonical copy of each cluster.
        var best = [Int32](repeating: -1, count: entries.count)
        var sizes = [Int32](repeating: 0, count: entries.count)
        var clusters = 0
        for index in entries.indices {
            let root = sets.find(index)
            if sizes[root] == 0 { clusters += 1 }
            sizes[root] += 1
            let current = Int(best[root])
            if current < 0 || isBetter(index, than: current) { best[root] = Int32(index) }
        }
        var members: [DedupeResult.Member] = []
        members.reserveCapacity(entries.count)
        for index in entries.indices {
            let root = sets.find(index)
            let canonical = Int(best[root])
            members.append(DedupeResult.Member(id: clusterID(of: canonical), isCanonical: canonical == index, clusterSize: Int(sizes[root]),
                                               canonical: canonical))
        }
        return DedupeResult(members: members, clusters: clusters, candidatePairs: statistics.candidates,
                            comparisons: statistics.comparisons, threshold: threshold, rowsPerBand: rowsPerBand)
    }

    // MARK: Joining

    private func joinExactDuplicates(_ sets: inout DisjointSets) {
        var hashes = entries.indices.compactMap { index in entries[index].contentHash.map { (hash: $0, index: index) } }
        hashes.sort { ($0.hash, $0.index) < ($1.hash, $1.index) }
        for (previous, next) in zip(hashes, hashes.dropFirst()) where previous.hash == next.hash {
            sets.union(previous.index, next.index)
        }
    }

    /// The share of values two entries' signatures must agree in, as a count.
    private var requiredAgreement: Int {
        Int((threshold * Double(Fingerprint.valueCount)).rounded(.up))
    }

    private func joinSimilar(_ sets: inout DisjointSets, statistics: inout (candidates: Int, comparisons: Int)) {
        let withSignature = entries.indices.filter { entries[$0].signature >= 0 }
        guard withSignature.count > 1 else { return }
        let rows = rowsPerBand
        let bands = Fingerprint.valueCount / rows
        let required = requiredAgreement
        var keyed: [BandKey] = []
        keyed.reserveCapacity(withSignature.count)
        signatures.withUnsafeBufferPointer { values in
            for band in 0..<bands {
                keyed.removeAll(keepingCapacity: true)
                for index in withSignature {
                    let start = Int(entries[index].signature) + band * rows
                    var hash = UInt64(band) &* 0x9E37_79B9_7F4A_7C15
                    for row in 0..<rows { hash = (hash ^ UInt64(values[start + row])) &* 0xBF58_476D_1CE4_E5B9 }
                    keyed.append(BandKey(hash: ProseHasher.mix(hash), index: Int32(index)))
                }
                keyed.sort()
                var runStart = 0
                while runStart < keyed.count {
                    var runEnd = runStart + 1
                    while runEnd < keyed.count && keyed[runEnd].hash == keyed[runStart].hash { runEnd += 1 }
                    if runEnd - runStart > 1 {
                        joinBucket(keyed[runStart..<runEnd], values: values, required: required, sets: &sets, statistics: &statistics)
                    }
                    runStart = runEnd
                }
            }
        }
    }

    /// The most members of a bucket compared with every other; in a larger bucket (thousands of copies of
    /// one text, or of texts too short to tell apart) each member is compared with at most this many
    /// representatives of the groups found so far, so a bucket costs linear time.
    static let bucketPairLimit = 64

    private func joinBucket(_ bucket: ArraySlice<BandKey>, values: UnsafeBufferPointer<UInt16>, required: Int,
                            sets: inout DisjointSets, statistics: inout (candidates: Int, comparisons: Int))
    {
        func similar(_ a: Int, _ b: Int) -> Bool {
            let first = Int(entries[a].signature)
            let second = Int(entries[b].signature)
            var agree = 0
            for k in 0..<Fingerprint.valueCount where values[first + k] == values[second + k] { agree += 1 }
            return agree >= required
        }
        let members = bucket.map { Int($0.index) }
        if members.count <= Self.bucketPairLimit {
            for i in members.indices {
                for j in (i + 1)..<members.count {
                    statistics.candidates += 1
                    let a = members[i], b = members[j]
                    guard sets.find(a) != sets.find(b) else { continue }
                    statistics.comparisons += 1
                    if similar(a, b) { sets.union(a, b) }
                }
            }
            return
        }
        var representatives: [Int] = []
        for member in members {
            var joined = false
            for representative in representatives {
                statistics.candidates += 1
                if sets.find(member) == sets.find(representative) {
                    joined = true
                    break
                }
                statistics.comparisons += 1
                if similar(member, representative) {
                    sets.union(member, representative)
                    joined = true
                    break
                }
            }
            if !joined && representatives.count < Self.bucketPairLimit { representatives.append(member) }
        }
    }

    // MARK: Choosing

    private func isBetter(_ a: Int, than b: Int) -> Bool {
        let left = entries[a], right = entries[b]
        if left.completeness != right.completeness { return left.completeness > right.completeness }
        if left.key != right.key { return left.key < right.key }
        return a < b
    }

    private func clusterID(of index: Int) -> UInt64 {
        let entry = entries[index]
        if let hash = entry.contentHash { return hash.high }
        var hasher = ProseHasher()
        hasher.unit(entry.key)
        return hasher.contentHash()?.high ?? ProseHasher.mix(UInt64(entry.key.utf8.count))
    }
}

/// A band's hash and the entry it belongs to, sorted by hash then entry.
private struct BandKey: Comparable {
    var hash: UInt64
    var index: Int32

    static func < (left: BandKey, right: BandKey) -> Bool {
        left.hash != right.hash ? left.hash < right.hash : left.index < right.index
    }
}

/// Union-find with path halving and union by size.
struct DisjointSets {
    private var parent: [Int32]
    private var size: [Int32]

    init(count: Int) {
        parent = (0..<count).map { Int32($0) }
        size = [Int32](repeating: 1, count: count)
    }

    mutating func find(_ element: Int) -> Int {
        var node = element
        while Int(parent[node]) != node {
            let grandparent = parent[Int(parent[node])]
            parent[node] = grandparent
            node = Int(grandparent)
        }
        return node
    }

    mutating func union(_ a: Int, _ b: Int) {
        var rootA = find(a), rootB = find(b)
        guard rootA != rootB else { return }
        if size[rootA] < size[rootB] || (size[rootA] == size[rootB] && rootB < rootA) { swap(&rootA, &rootB) }
        parent[rootB] = Int32(rootA)
        size[rootA] += size[rootB]
    }
}

/// What ``Deduplicator/run()`` found.
public struct DedupeResult: Sendable {
    /// One article's cluster.
    public struct Member: Sendable, Equatable {
        /// The cluster's id: the first 64 bits of its canonical copy's content hash.
        public var id: UInt64
        /// The cluster's id as 16 hex digits.
        public var cluster: String { ContentHash(high: id, low: 0).hex.prefix(16).description }
        /// True for the copy to keep.
        public var isCanonical: Bool
        /// Articles in the cluster.
        public var clusterSize: Int
        /// The index of the cluster's canonical copy.
        public var canonical: Int
    }

    /// The articles' clusters, in the order they were added.
    public var members: [Member]
    /// Clusters (articles kept).
    public var clusters: Int
    /// Candidate pairs the bands proposed, and how many of them were compared (the others were in one
    /// cluster already).
    public var candidatePairs: Int
    public var comparisons: Int
    /// The similarity threshold and band size used.
    public var threshold: Double
    public var rowsPerBand: Int

    /// Articles that are not their cluster's canonical copy.
    public var duplicates: Int { members.count - clusters }
}
