import ArgumentParser
import ArticleDiff
import EncyclopediaExtractor
import Foundation

struct Verify: ParsableCommand {
    // The name is given, not derived: ArgumentParser derives it by reflection each time it asks.
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check saved pages against their expected JSON (NAME.html beside NAME.expected.json).",
        discussion: """
            Each fixture is converted and compared with its expected file structurally; differences are listed by JSON path. Exit status 0 only when every fixture passes: a folder holding no fixture fails, and so does an --ignore path that matches no field of any fixture (a mistyped path would silently ignore nothing).

            Examples:
              encx verify Fixtures/
              encx verify Fixtures/ --ignore warnings --ignore 'sections[*].anchor'
              encx verify Fixtures/ --update          # write or rewrite the expected files
              encx verify Fixtures/ --format json     # machine-readable result
            """
    )

    enum ResultFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "Folders (searched recursively) or single pages.")
    var paths: [String]

    @Flag(help: "Write or rewrite the expected files from the current output, atomically.")
    var update = false

    @Option(name: .customLong("ignore"), help: "A JSON path to leave out (repeatable; * for any array index), e.g. warnings or sections[*].anchor.")
    var ignored: [String] = []

    @Option(help: "text or json.")
    var format: ResultFormat = .text

    func validate() throws {
        for path in paths where !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("No such file or directory: \(path).")
        }
        for pattern in ignored where IgnorePattern(pattern) == nil {
            throw ValidationError("--ignore \(pattern) is not a JSON path such as warnings or sections[*].anchor.")
        }
        if update && !ignored.isEmpty {
            throw ValidationError("--ignore has no effect with --update (the whole output is written).")
        }
    }

    func fixtures() throws -> [Fixture] {
        var found: [Fixture] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let url = URL(fileURLWithPath: path)
            if isDirectory.boolValue {
                found += try Fixture.discover(in: url)
            } else if let fixture = Fixture(page: url) {
                found.append(fixture)
            } else {
                throw ValidationError("\(path) is not a page (.html, .htm, .xhtml or .shtml, optionally .gz).")
            }
        }
        return found
    }

    func run() throws {
        let fixtures = try fixtures()
        if fixtures.isEmpty {
            // A wrong path in CI must not pass with "0 passed".
            printError("encx: error: no fixtures found in \(paths.joined(separator: ", ")) (a fixture is NAME.html, optionally .gz, beside NAME.expected.json)")
            throw ExitCode(1)
        }
        let patterns = ignored.compactMap(IgnorePattern.init)
        let verifier = FixtureVerifier(ignoring: patterns)
        if update {
            var written = 0
            for fixture in fixtures {
                let existed = fixture.hasExpected
                do {
                    if try verifier.update(fixture) {
                        written += 1
                        print("\(existed ? "updated" : "created") \(fixture.expected.path)")
                    }
                } catch {
                    printError("encx: error: cannot write \(fixture.expected.path): \(error.localizedDescription)")
                    throw ExitCode(1)
                }
            }
            print("verify --update: \(written) expected file(s) written, \(fixtures.count - written) unchanged")
            return
        }
        let results = fixtures.map(verifier.verify)
        let unmatched = patterns.filter { pattern in !results.contains { Self.document($0.actual).map(pattern.occurs) ?? false } }
        if !unmatched.isEmpty {
            for pattern in unmatched {
                printError("encx: error: --ignore \(pattern) matches no field of any fixture; it would ignore nothing (is it mistyped?)")
            }
            throw ExitCode(1)
        }
        let passed = results.filter { $0.status == .passed }.count
        let missing = results.filter { $0.status == .missingExpected }.count
        let failed = results.count - passed - missing
        switch format {
        case .text:
            for result in results {
                switch result.status {
                case .passed:
                    continue
                case .missingExpected:
                    print("MISSING \(result.fixture.name): no \(result.fixture.expected.lastPathComponent) (create it with encx verify --update)")
                case let .unreadableExpected(reason):
                    print("FAIL \(result.fixture.name): \(result.fixture.expected.lastPathComponent) is not valid JSON (\(reason))")
                case let .failed(differences):
                    print("FAIL \(result.fixture.name) (\(result.fixture.page.path)): \(differences.count) difference(s)")
                    for difference in differences { print("  \(difference)") }
                }
            }
            print("verify: \(passed) passed, \(failed) failed, \(missing) missing expected file(s)")
        case .json:
            print(String(decoding: try jsonReport(results, passed: passed, failed: failed, missing: missing), as: UTF8.self))
        }
        if passed != results.count { throw ExitCode(1) }
    }

    /// A fixture's output as JSON, or nil when it does not parse.
    private static func document(_ data: Data) -> JSONValue? {
        do { return try JSONValue(parsing: data) } catch { return nil }
    }

    private struct FixtureRecord: Encodable {
        let name: String
        let page: String
        let status: String
        let differences: [DifferenceRecord]
    }

    private struct DifferenceRecord: Encodable {
        let path: String
        let message: String
    }

    private struct Summary: Encodable {
        let fixtures: [FixtureRecord]
        let passed: Int
        let failed: Int
        let missingExpected: Int
    }

    private func jsonReport(_ results: [FixtureResult], passed: Int, failed: Int, missing: Int) throws -> Data {
        let records = results.map { result -> FixtureRecord in
            let status: String
            var differences: [DifferenceRecord] = []
            switch result.status {
            case .passed: status = "passed"
            case .missingExpected: status = "missing-expected"
            case let .unreadableExpected(reason):
                status = "failed"
                differences = [DifferenceRecord(path: "", message: reason)]
            case let .failed(found):
                status = "failed"
                differences = found.map { DifferenceRecord(path: $0.path, message: $0.description) }
            }
            return FixtureRecord(name: result.fixture.name, page: result.fixture.page.path, status: status, differences: differences)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(Summary(fixtures: records, passed: passed, failed: failed, missingExpected: missing))
    }
}
