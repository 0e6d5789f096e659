@testable import EncyclopediaExtractor
import Foundation
import Testing

/// Fingerprints, content hashes and clusters of near-duplicate articles (issue 20).
@Suite struct FingerprintTests {
    static func article(_ paragraphs: [String], sections: [Section] = [], references: [Reference] = []) -> Article {
        Article(title: "T", source: Source(url: nil, site: nil, encoding: "utf-8"), lead: paragraphs.map { .paragraph(text: $0, cites: []) },
                sections: sections, references: references)
    }

    /// Sentences of invented prose, different enough that each paragraph has shingles of its own.
    static let paragraphs: [String] = (0..<12).map { k in
        (0..<5).map { s in "Paragraph \(k) sentence \(s) tells how the mill at Hollin Cross number \(k * 7 + s) was rebuilt in \(1700 + k * 10 + s)." }
            .joined(separator: " ")
    }

    static func extract(_ name: String) throws -> Article {
        try Extractor().extract(fileAt: fixturesDirectory.appendingPathComponent(name))
    }

    @Test func extractionStampsFingerprintAndContentHash() throws {
        let article = try Self.extract("seed-anti-party-group.html")
        let fingerprint = try #require(article.fingerprint)
        let contentHash = try #require(article.contentHash)
        #expect(fingerprint.count == 256 && fingerprint.allSatisfy(\.isHexDigit))
        #expect(contentHash.count == 32 && contentHash.allSatisfy(\.isHexDigit))
        let digest = ArticleDigest(article)
        #expect(digest.fingerprint?.hex == fingerprint)
        #expect(digest.contentHash?.hex == contentHash)
    }

    @Test func anArticleWithoutProseHasNone() {
        var article = Self.article([])
        article.stampFingerprint()
        #expect(article.fingerprint == nil)
        #expect(article.contentHash == nil)
        #expect(ArticleDigest(article).fingerprint == nil)
    }

    @Test func hexRoundTrips() throws {
        let fingerprint = try #require(ArticleDigest(Self.article(Self.paragraphs)).fingerprint)
        #expect(Fingerprint(hex: fingerprint.hex) == fingerprint)
        #expect(Fingerprint(hex: fingerprint.hex.uppercased()) == fingerprint)
        #expect(Fingerprint(hex: String(fingerprint.hex.dropLast())) == nil)
        #expect(Fingerprint(hex: String(fingerprint.hex.dropLast()) + "g") == nil)
        let hash = ContentHash(high: 0x0123_4567_89AB_CDEF, low: 42)
        #expect(hash.hex == "0123456789abcdef000000000000002a")
        #expect(ContentHash(hex: hash.hex) == hash)
    }

    /// Moving paragraphs or sections changes nothing in the fingerprint (shingles never cross a block),
    /// but changes the content hash (it reads the words in order).
    @Test func reorderingKeepsTheFingerprint() {
        let original = ArticleDigest(Self.article(Self.paragraphs))
        let reversed = ArticleDigest(Self.article(Self.paragraphs.reversed()))
        #expect(original.fingerprint == reversed.fingerprint)
        #expect(original.contentHash != reversed.contentHash)
        let inSections = ArticleDigest(Self.article([], sections: [
            Section(title: "B", level: 2, blocks: Self.paragraphs[6...].map { .paragraph(text: $0, cites: []) }),
            Section(title: "A", level: 2, blocks: Self.paragraphs[..<6].map { .paragraph(text: $0, cites: []) }),
        ]))
        let swapped = ArticleDigest(Self.article([], sections: [
            Section(title: "A", level: 2, blocks: Self.paragraphs[..<6].map { .paragraph(text: $0, cites: []) }),
            Section(title: "B", level: 2, blocks: Self.paragraphs[6...].map { .paragraph(text: $0, cites: []) }),
        ]))
        #expect(inSections.fingerprint == swapped.fingerprint)
    }

    /// Case, punctuation, spaces, accents (composed or not), full-width forms and invisible characters do
    /// not change the content hash; a different word does.
    @Test func normalisationFoldsWhatMirrorsChange() {
        func hash(_ text: String) -> ContentHash? { ArticleDigest(Self.article([text])).contentHash }
        let plain = hash("The cafe at Soren's mill, built in 1862, was rebuilt.")
        #expect(plain != nil)
        #expect(hash("THE CAFÉ AT SØREN’S MILL — BUILT IN 1862 — WAS REBUILT…") == plain)
        #expect(hash("The  cafe\r\nat Soren's mill,\u{A0}built in 1862, was rebuilt.") == plain)
        #expect(hash("The cafe\u{301} at So\u{308}ren's mi\u{AD}ll, built in １８６２, was rebuilt.") == plain)
        #expect(hash("The café at Søren's mill built in 1862 was\u{200B} rebuilt") == plain)
        #expect(hash("The cafe at Soren's mill, built in 1863, was rebuilt.") != plain)
        #expect(hash("The cafe at Soren's mill, was built in 1862, rebuilt.") != plain)
        // Greek and Cyrillic capitals are lowered; Han characters are words of their own.
        #expect(hash("ΠΟΛΗ Москва ЁЖИК") == hash("πολη москва ёжик"))
        #expect(hash("歷史城市") == hash("歷 史 城 市"))
    }

    @Test func latinFoldingTableCoversTheBlock() {
        for scalar in UInt32(0xC0)...0x17F {
            let outcome = ProseFolding.fold(scalar)
            if scalar == 0xD7 || scalar == 0xF7 {
                #expect(outcome == .separator)
            } else if case .replace = outcome {
                continue
            } else {
                Issue.record("U+\(String(scalar, radix: 16)) is not folded")
            }
        }
        #expect(ProseFolding.fold(0x17F) == .replace(0x73, count: 1))   // ſ → s
        #expect(ProseFolding.fold(0xC6) == .replace(0x6561, count: 2))  // Æ → ae
    }

    /// A copy that lost a sentence or a paragraph stays close; an article that shares a quarter of its
    /// paragraphs with another stays far.
    @Test func smallLossesStayAboveTheThreshold() throws {
        let original = try #require(ArticleDigest(Self.article(Self.paragraphs)).fingerprint)
        var lostParagraph = Self.paragraphs
        lostParagraph.remove(at: 4)
        let withoutParagraph = try #require(ArticleDigest(Self.article(lostParagraph)).fingerprint)
        var lostSentence = Self.paragraphs
        lostSentence[2] = lostSentence[2].components(separatedBy: ". ").dropFirst().joined(separator: ". ")
        let withoutSentence = try #require(ArticleDigest(Self.article(lostSentence)).fingerprint)
        #expect(original.similarity(to: withoutParagraph) >= 0.75)
        #expect(original.similarity(to: withoutSentence) >= 0.85)
        let other = (0..<12).map { k in
            (0..<5).map { s in "Another text \(k) line \(s) says the harbour of Brackwater held \(k * 3 + s) ships in \(1600 + k + s)." }
                .joined(separator: " ")
        }
        let sharing = try #require(ArticleDigest(Self.article(Array(other[..<9]) + Array(Self.paragraphs[..<3]))).fingerprint)
        #expect(original.similarity(to: sharing) < Deduplicator.defaultThreshold)
    }

    /// The same page saved as UTF-8 with CRLF line endings and as windows-1252 hashes alike.
    @Test func encodingsAndLineEndingsHashAlike() throws {
        let page = try Data(contentsOf: fixturesDirectory.appendingPathComponent("windows-1252.html"))
        let text = try #require(String(data: page, encoding: .windowsCP1252))
        let utf8 = text.replacingOccurrences(of: "windows-1252", with: "utf-8", options: .caseInsensitive)
            .replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
        let fromCP1252 = try Extractor().extract(html: page, input: "cp1252")
        let fromUTF8 = try Extractor().extract(html: Data(utf8.utf8), input: "utf8")
        #expect(fromUTF8.source.encoding == "utf-8")
        #expect(fromCP1252.fingerprint != nil)
        #expect(fromCP1252.fingerprint == fromUTF8.fingerprint)
        #expect(fromCP1252.contentHash == fromUTF8.contentHash)
    }

    /// References, the title, the infobox and categories are not prose.
    @Test func onlyProseCounts() {
        let prose = Self.article(Self.paragraphs)
        var decorated = prose
        decorated.title = "Another title"
        decorated.references = [Reference(number: 1, id: nil, kind: .note, text: "A note that is not prose at all.")]
        decorated.infobox = [InfoboxField(label: "Founded", value: "1862")]
        decorated.categories = ["Mills"]
        decorated.sections = [Section(title: "External links", level: 2, blocks: [.list(ordered: false, items: [ListItem(text: "A link")])],
                                      referenceKind: .externalLink)]
        #expect(ArticleDigest(prose).contentHash == ArticleDigest(decorated).contentHash)
        #expect(ArticleDigest(prose).fingerprint == ArticleDigest(decorated).fingerprint)
    }
}

@Suite struct DeduplicatorTests {
    static func digest(_ paragraphs: [String], sections: Int = 0, references: Int = 0, repairs: Int = 0) -> ArticleDigest {
        var digest = ArticleDigest(FingerprintTests.article(paragraphs))
        digest.completeness.sections = sections
        digest.completeness.references = references
        digest.completeness.repairs = repairs
        return digest
    }

    static let other: [String] = (0..<10).map { k in "An unrelated paragraph \(k) about the harbour and its \(k + 2) ferries, sold in \(1900 + k)." }

    @Test func copiesClusterAndTheMostCompleteIsCanonical() throws {
        var deduplicator = Deduplicator()
        var lost = FingerprintTests.paragraphs
        lost.remove(at: 3)
        deduplicator.add(Self.digest(lost, sections: 4, references: 10), key: "b-lost-paragraph")
        deduplicator.add(Self.digest(FingerprintTests.paragraphs, sections: 4, references: 10, repairs: 1), key: "c-repaired")
        deduplicator.add(Self.digest(FingerprintTests.paragraphs, sections: 4, references: 10), key: "d-whole")
        deduplicator.add(Self.digest(FingerprintTests.paragraphs, sections: 4, references: 10), key: "e-whole-too")
        deduplicator.add(Self.digest(Self.other, sections: 4, references: 10), key: "a-other")
        let result = deduplicator.run()
        let members = result.members
        #expect(result.clusters == 2)
        #expect(result.duplicates == 3)
        #expect(Set(members[0..<4].map(\.cluster)).count == 1)
        #expect(members[4].cluster != members[0].cluster)
        // d and e tie; d has the smaller key.
        #expect(members.map(\.isCanonical) == [false, false, true, false, true])
        #expect(members[0].clusterSize == 4 && members[0].canonical == 2)
        let hash = try #require(Self.digest(FingerprintTests.paragraphs).contentHash)
        #expect(members[2].cluster == String(hash.hex.prefix(16)))
    }

    @Test func moreSectionsWinOverMoreProse() {
        var deduplicator = Deduplicator()
        var lost = FingerprintTests.paragraphs
        lost.remove(at: 3)
        deduplicator.add(Self.digest(FingerprintTests.paragraphs, sections: 3), key: "a")
        deduplicator.add(Self.digest(lost, sections: 4), key: "b")
        #expect(deduplicator.run().members.map(\.isCanonical) == [false, true])
    }

    /// Clusters and canonical copies do not depend on the order articles are added in.
    @Test func orderDoesNotMatter() {
        var digests: [(String, ArticleDigest)] = []
        for k in 0..<6 {
            var paragraphs = k % 2 == 0 ? FingerprintTests.paragraphs : Self.other
            paragraphs.remove(at: k)
            digests.append(("copy-\(k)", Self.digest(paragraphs, references: k % 3)))
        }
        func clusters(_ items: [(String, ArticleDigest)]) -> [String: (String, Bool)] {
            var deduplicator = Deduplicator()
            for (key, digest) in items { deduplicator.add(digest, key: key) }
            let result = deduplicator.run()
            return Dictionary(uniqueKeysWithValues: zip(items.map(\.0), result.members.map { ($0.cluster, $0.isCanonical) }))
        }
        let forward = clusters(digests)
        let backward = clusters(digests.reversed())
        #expect(Set(forward.values.map(\.0)).count == 2)
        for key in forward.keys {
            #expect(forward[key]?.0 == backward[key]?.0 && forward[key]?.1 == backward[key]?.1, "\(key)")
        }
    }

    /// Thousands of near-identical articles in one bucket (a stub copied everywhere with one word changed)
    /// cost linear time and still make one cluster; articles without prose stay alone.
    @Test func aHugeBucketStaysLinear() {
        var deduplicator = Deduplicator()
        for k in 0..<3000 {
            deduplicator.add(Self.digest(["The same short stub text about the old mill was copied into mirror number \(k)."]), key: "stub-\(k)")
        }
        deduplicator.add(Self.digest([]), key: "empty-1")
        deduplicator.add(Self.digest([]), key: "empty-2")
        let result = deduplicator.run()
        #expect(result.clusters == 3)
        #expect(result.comparisons < 3000 * Deduplicator.bucketPairLimit)
        #expect(result.members[3000].cluster != result.members[3001].cluster)
    }

    @Test func thresholdSetsTheBands() {
        #expect(Deduplicator(threshold: 0.5).rowsPerBand == 3)
        #expect(Deduplicator(threshold: 0.8).rowsPerBand == 4)
        #expect(Deduplicator(threshold: 0.3).rowsPerBand == 2)
        #expect(Deduplicator(threshold: 7).threshold == 1)
    }

    @Test func recordsRoundTrip() throws {
        let article = FingerprintTests.article(FingerprintTests.paragraphs)
        let record = DedupeRecord(article, input: "a.html", record: "<urn:uuid:1>")
        let decoded = try JSONDecoder().decode(DedupeRecord.self, from: JSONEncoder().encode(record))
        #expect(decoded == record)
        #expect(decoded.digest == ArticleDigest(article))
        #expect(record.key == "a.html\u{1F}<urn:uuid:1>")
    }
}

/// Precision and recall of the clusters against the generator's truth on a small corpus of mirror
/// copies (Scripts/dedupe-check runs the same on 10,000 pages).
@Suite struct MirrorCorpusTests {
    @Test func clustersMatchTheGeneratorsTruth() throws {
        let root = fixturesDirectory.deletingLastPathComponent()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("encx-mirrors-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let manifest = folder.appendingPathExtension("manifest")
        defer { try? FileManager.default.removeItem(at: manifest) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root.appendingPathComponent("Scripts/generate-corpus").path, "240", folder.path, "--mirrors",
                             "--seed", "3", "--manifest", manifest.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "Scripts/generate-corpus failed")

        var article: [String: String] = [:]
        for line in try String(contentsOf: manifest, encoding: .utf8).split(separator: "\n") {
            let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            article[try #require(record["file"] as? String)] = try #require(record["article"] as? String)
        }
        let inputs = try BatchInput.collect([folder.path]).inputs
        var deduplicator = Deduplicator()
        var names: [String] = []
        BatchConverter(options: BatchOptions(jobs: 2)).run(inputs, prepare: { extraction, context in
            DedupeRecord(extraction.article, input: context.input.relativePath)
        }) { (result: BatchResult<DedupeRecord>) -> Bool in
            if case let .converted(record, _) = result.outcome {
                deduplicator.add(record.digest, key: record.key)
                names.append(record.input)
            }
            return true
        }
        #expect(names.count == 240)
        let members = deduplicator.run().members
        var together = 0, copies = 0, correct = 0
        for i in names.indices {
            for j in names.indices where j > i {
                let same = members[i].cluster == members[j].cluster
                let truth = article[names[i]] == article[names[j]]
                together += same ? 1 : 0
                copies += truth ? 1 : 0
                correct += same && truth ? 1 : 0
            }
        }
        let precision = Double(correct) / Double(max(together, 1))
        let recall = Double(correct) / Double(max(copies, 1))
        #expect(copies > 100, "the corpus should hold many copies (\(copies) pairs)")
        #expect(precision >= 0.99, "precision \(precision): \(together - correct) pairs of different articles put together")
        #expect(recall >= 0.99, "recall \(recall): \(copies - correct) pairs of copies kept apart")
    }
}
