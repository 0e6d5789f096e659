import Foundation
import FuzzChecks
import FuzzSupport
import Testing

/// Every fuzz target's committed corpus (`Corpus/TARGET/`), replayed through its check: inputs that
/// cover each reader's paths, and the inputs of past findings (`regression-…`), so a finding stays fixed.
/// `Scripts/fuzz` seeds its runs from these folders; `Scripts/fuzz-corpus` rebuilds them.
@Suite struct FuzzCorpusTests {
    static let corpusDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")

    static let checks: [String: @Sendable ([UInt8]) throws(InvariantFailure) -> Void] = [
        "FuzzExtract": ExtractCheck.check, "FuzzText": TextCheck.check, "FuzzWARC": WARCCheck.check,
        "FuzzHTTP": HTTPCheck.check, "FuzzMHTML": MHTMLCheck.check, "FuzzEncoding": EncodingCheck.check,
        "FuzzJSON": JSONCheck.check,
    ]

    static func inputs(of target: String) -> [URL] {
        let folder = corpusDirectory.appendingPathComponent(target)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().map { folder.appendingPathComponent($0) }
    }

    @Test func everyTargetHasACorpus() {
        for target in Self.checks.keys.sorted() {
            #expect(Self.inputs(of: target).count >= 5, "\(target) has \(Self.inputs(of: target).count) corpus inputs in \(Self.corpusDirectory.path)")
        }
    }

    /// One test per target: every input of its corpus passes its check.
    @Test(arguments: checks.keys.sorted())
    func corpusPassesItsCheck(target: String) throws {
        let check = try #require(Self.checks[target])
        for url in Self.inputs(of: target) {
            let bytes = try [UInt8](Data(contentsOf: url))
            do {
                try check(bytes)
            } catch {
                Issue.record("\(target)/\(url.lastPathComponent): \(error)")
            }
        }
    }
}
