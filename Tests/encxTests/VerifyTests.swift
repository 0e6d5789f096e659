import ArticleDiff
import Foundation
import Testing

@Suite(.serialized) struct VerifyTests {
    private func copyOfFixtures(_ names: [String]) throws -> URL {
        let root = try temporaryDirectory()
        for name in names {
            try copyFixture(name + ".html", to: root.appendingPathComponent(name + ".html"))
            try copyFixture(name + ".expected.json", to: root.appendingPathComponent(name + ".expected.json"))
        }
        return root
    }

    @Test func untouchedFixturesPass() throws {
        let root = try copyOfFixtures(["seed-anti-party-group", "isbn-forms"])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try encx(["verify", root.path])
        #expect(result.status == 0)
        #expect(result.stdoutText.contains("verify: 2 passed, 0 failed, 0 missing expected file(s)"))
    }

    @Test func aDeliberateChangeFailsWithPathsThenUpdateRestores() throws {
        let root = try copyOfFixtures(["seed-anti-party-group", "isbn-forms"])
        defer { try? FileManager.default.removeItem(at: root) }
        let expected = root.appendingPathComponent("isbn-forms.expected.json")
        let original = try Data(contentsOf: expected)
        var text = String(decoding: original, as: UTF8.self)
        text = text.replacingOccurrences(of: "Coarse salt is scattered", with: "Fine salt is scattered")
        text = text.replacingOccurrences(of: "\"title\" : \"Chemistry\"", with: "\"title\" : \"Physics\"")
        try Data(text.utf8).write(to: expected)

        let failed = try encx(["verify", root.path])
        #expect(failed.status == 1)
        #expect(failed.stdoutText.contains("FAIL isbn-forms"))
        #expect(failed.stdoutText.contains("sections[0].blocks[0].text: expected \"Fine salt is scattered"), "\(failed.stdoutText)")
        #expect(failed.stdoutText.contains("sections[1].title: expected \"Physics\" got \"Chemistry\""))
        #expect(failed.stdoutText.contains("verify: 1 passed, 1 failed, 0 missing expected file(s)"))

        let ignoring = try encx(["verify", root.path, "--ignore", "sections[*].title", "--ignore", "sections[0].blocks",
                                 "--ignore", "tableOfContents[*].title"])
        #expect(ignoring.status == 0, "\(ignoring.stdoutText)")

        let json = try encx(["verify", root.path, "--format", "json"])
        let summary = try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any]
        #expect(summary?["failed"] as? Int == 1)

        let update = try encx(["verify", "--update", root.path])
        #expect(update.status == 0)
        #expect(update.stdoutText.contains("updated \(expected.path)"))
        #expect(try Data(contentsOf: expected) == original)
        #expect(try encx(["verify", root.path]).status == 0)
    }

    @Test func aMissingExpectedFileIsReported() throws {
        let root = try copyOfFixtures(["stub-lead-only"])
        defer { try? FileManager.default.removeItem(at: root) }
        try copyFixture("no-toc.html", to: root.appendingPathComponent("no-toc.html"))
        let result = try encx(["verify", root.path])
        #expect(result.status == 1)
        #expect(result.stdoutText.contains("MISSING no-toc: no no-toc.expected.json"))
        #expect(result.stdoutText.contains("1 passed, 0 failed, 1 missing expected file(s)"))
    }

    @Test func insertedParagraphIsOneDifference() throws {
        let expected = try JSONValue(parsing: Data(#"{"lead":[{"text":"a"},{"text":"b"},{"text":"c"}]}"#.utf8))
        let actual = try JSONValue(parsing: Data(#"{"lead":[{"text":"a"},{"text":"new"},{"text":"b"},{"text":"c"}]}"#.utf8))
        let differences = JSONDiff.differences(expected: expected, actual: actual)
        #expect(differences.map(\.description) == ["lead: 1 extra {text: \"new\"}"])
    }

    @Test func missingISBNIsNamed() throws {
        let expected = try JSONValue(parsing: Data(#"{"isbns":[{"isbn13":"9780140449136"},{"isbn13":"9780306406157"}]}"#.utf8))
        let actual = try JSONValue(parsing: Data(#"{"isbns":[{"isbn13":"9780306406157"}]}"#.utf8))
        #expect(JSONDiff.differences(expected: expected, actual: actual).map(\.description) == ["isbns: missing 9780140449136"])
    }

    @Test func longStringsAreShownAroundTheFirstDifference() {
        let prefix = String(repeating: "word ", count: 40)
        let difference = Difference(path: "lead[0].text", kind: .changed(expected: .string(prefix + "apple tail"), actual: .string(prefix + "pear tail")))
        #expect(difference.description.contains("…"))
        #expect(difference.description.contains("apple"))
        #expect(difference.description.count < 200)
    }

    @Test func ignorePatternsParse() {
        #expect(IgnorePattern("sections[*].anchor") != nil)
        #expect(IgnorePattern("warnings") != nil)
        #expect(IgnorePattern("sections[") == nil)
        #expect(IgnorePattern("") == nil)
    }
}
