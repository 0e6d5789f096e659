import ArticleDiff
import EncyclopediaExtractor
import Foundation
import Testing

/// The repository's `Fixtures/` folder, found from this file's path (not from bundle resources).
let fixturesDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

let allFixtures: [Fixture] = (try? Fixture.discover(in: fixturesDirectory)) ?? []

@Suite struct GoldenFixtureTests {
    @Test func fixturesAreFound() {
        #expect(allFixtures.count >= 12, "found \(allFixtures.count) fixtures in \(fixturesDirectory.path)")
    }

    /// One test per fixture: its output must equal its expected JSON; a failure names each JSON path.
    @Test(arguments: allFixtures.map(\.name))
    func fixtureMatchesItsExpectedJSON(name: String) throws {
        let fixture = try #require(allFixtures.first { $0.name == name })
        let result = FixtureVerifier().verify(fixture)
        switch result.status {
        case .passed:
            break
        case .missingExpected:
            Issue.record("\(name): no \(fixture.expected.lastPathComponent); run Scripts/update-goldens and review it")
        case let .unreadableExpected(reason):
            Issue.record("\(name): \(fixture.expected.lastPathComponent) is not valid JSON: \(reason)")
        case let .failed(differences):
            let lines = differences.map { "  \($0.description)" }.joined(separator: "\n")
            Issue.record("\(name): \(differences.count) difference(s)\n\(lines)")
        }
    }

    /// Output is byte-deterministic: two extractions of the same page give the same bytes.
    @Test(arguments: allFixtures.map(\.name))
    func outputIsDeterministic(name: String) throws {
        let fixture = try #require(allFixtures.first { $0.name == name })
        let verifier = FixtureVerifier()
        #expect(verifier.output(forPage: fixture.page) == verifier.output(forPage: fixture.page))
    }
}
