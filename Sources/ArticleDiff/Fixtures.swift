import EncyclopediaExtractor
import Foundation

/// A saved page with the JSON expected from it: `NAME.html` (or `.htm`, `.xhtml`, `.shtml`, any of
/// them `.gz`) beside `NAME.expected.json`.
public struct Fixture: Equatable, Sendable {
    /// The page's name without its extensions.
    public let name: String
    /// The page.
    public let page: URL
    /// Where its expected JSON is (or would be).
    public let expected: URL

    /// True when the expected file exists.
    public var hasExpected: Bool { FileManager.default.fileExists(atPath: expected.path) }

    /// Page extensions recognised as fixtures.
    public static let pageExtensions = ["html", "htm", "xhtml", "shtml"]

    /// The fixture a page file stands for, or nil when the file is not a page.
    public init?(page: URL) {
        var name = page.lastPathComponent
        if name.hasSuffix(".gz") { name.removeLast(3) }
        guard let dot = name.lastIndex(of: "."), Self.pageExtensions.contains(name[name.index(after: dot)...].lowercased()) else {
            return nil
        }
        name = String(name[..<dot])
        self.name = name
        self.page = page
        expected = page.deletingLastPathComponent().appendingPathComponent(name + ".expected.json")
    }

    /// Every fixture under `directory` (recursively), sorted by path.
    /// - Throws: when the directory cannot be listed.
    public static func discover(in directory: URL) throws -> [Fixture] {
        let keys: [URLResourceKey] = [.isRegularFileKey]
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: keys) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: directory.path])
        }
        var fixtures: [Fixture] = []
        for case let url as URL in enumerator {
            guard try url.resourceValues(forKeys: Set(keys)).isRegularFile == true else { continue }
            if let fixture = Fixture(page: url) { fixtures.append(fixture) }
        }
        return fixtures.sorted { $0.page.path < $1.page.path }
    }
}

/// The outcome of checking one fixture.
public struct FixtureResult: Sendable {
    /// How a fixture fared.
    public enum Status: Equatable, Sendable {
        /// The output matches the expected JSON.
        case passed
        /// The output differs; the differences by path.
        case failed([Difference])
        /// There is no expected file.
        case missingExpected
        /// The expected file is not valid JSON.
        case unreadableExpected(String)
    }

    /// The fixture.
    public let fixture: Fixture
    /// How it fared.
    public let status: Status
    /// The JSON the extractor produced (what `--update` writes).
    public let actual: Data
}

/// Runs fixtures through the extractor and compares with their expected JSON.
///
/// ```swift
/// @Test(arguments: try Fixture.discover(in: fixturesDirectory))
/// func page(_ fixture: Fixture) throws {
///     let result = FixtureVerifier().verify(fixture)
///     #expect(result.status == .passed, "\(result.status)")
/// }
/// ```
public struct FixtureVerifier: Sendable {
    /// The extractor to run.
    public var extractor: Extractor
    /// Paths left out of every comparison.
    public var ignoring: [IgnorePattern]

    /// Creates a verifier.
    public init(extractor: Extractor = Extractor(), ignoring: [IgnorePattern] = []) {
        self.extractor = extractor
        self.ignoring = ignoring
    }

    /// The JSON `encx convert` writes for a page: the article, or `{"error": CODE}` for a page that
    /// cannot be extracted (so that hostile inputs can be fixtures too).
    public func output(forPage page: URL) -> Data {
        do {
            return try ArticleJSON.pretty(try extractor.extract(fileAt: page))
        } catch let error as ExtractionError {
            return Data("{\n  \"error\" : \"\(error.code)\"\n}\n".utf8)
        } catch {
            return Data("{\n  \"error\" : \"encoding\"\n}\n".utf8)
        }
    }

    /// Extracts the fixture's page and compares it with its expected file.
    public func verify(_ fixture: Fixture) -> FixtureResult {
        let actual = output(forPage: fixture.page)
        guard fixture.hasExpected else { return FixtureResult(fixture: fixture, status: .missingExpected, actual: actual) }
        do {
            let expectedValue = try JSONValue(parsing: Data(contentsOf: fixture.expected))
            let actualValue = try JSONValue(parsing: actual)
            let differences = JSONDiff.differences(expected: expectedValue, actual: actualValue, ignoring: ignoring)
            return FixtureResult(fixture: fixture, status: differences.isEmpty ? .passed : .failed(differences), actual: actual)
        } catch {
            return FixtureResult(fixture: fixture, status: .unreadableExpected(String(describing: error)), actual: actual)
        }
    }

    /// Writes the fixture's expected file from the current output, atomically; returns true when
    /// the file changed (or was created).
    /// - Throws: when the file cannot be written.
    @discardableResult
    public func update(_ fixture: Fixture) throws -> Bool {
        let actual = output(forPage: fixture.page)
        if fixture.hasExpected, try Data(contentsOf: fixture.expected) == actual { return false }
        try actual.write(to: fixture.expected, options: .atomic)
        return true
    }
}
