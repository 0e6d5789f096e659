import ArgumentParser
import Foundation
import Testing

@testable import encx

/// Long lists of paths reach the parser folded to their first path, and come back whole.
@Suite struct LongPathListTests {
    /// `count` paths named like pages.
    static func pages(_ count: Int, from first: Int = 0) -> [String] {
        (first..<(first + count)).map { "pages/page-\($0).html" }
    }

    /// Everything the command holds, as text (options, flags and paths).
    static func contents(_ command: any ParsableCommand) -> String {
        var text = ""
        dump(command, to: &text)
        return text
    }

    /// More paths than are parsed unfolded.
    static let many = LongPathLists.foldingThreshold + 40

    static let commandLines: [[String]] = [
        ["convert"] + pages(many),
        ["convert", "--format", "jsonl", "-o", "all.jsonl"] + pages(many / 2) + ["--jobs", "2"] + pages(many / 2, from: many / 2),
        ["convert"] + pages(many / 2) + ["--output=out", "-q", "--time-limit", "-0", "--skip-existing"] + pages(many / 2, from: many / 2)
            + ["--", "-odd-name.html"],
        ["convert", "-"] + pages(many) + ["--glob", "*.htm*", "--report", "-", "--url-pattern", "x"],
        ["dedupe", "--threshold", "0.7", "-j", "1"] + pages(many) + ["--canonical", "keep.jsonl"],
        // `verify` checks that its paths exist.
        ["verify", "--ignore", "warnings", "--ignore", "sections[*].anchor"] + Array(repeating: fixtures.path, count: many) + ["--format", "json"],
    ]

    /// Each command line parses to the same command, option for option and path for path, folded or
    /// not; the parser is given the options and one path.
    @Test(arguments: commandLines)
    func foldedParsingGivesTheSameCommand(_ arguments: [String]) throws {
        let folding = try #require(LongPathLists.Folding(arguments))
        let whole = try #require(try Encx.parseAsRoot(arguments) as? any PathListCommand)
        #expect(folding.paths == whole.paths)
        #expect(folding.folded.count <= arguments.count - whole.paths.count + 1)
        #expect(try Self.contents(LongPathLists.parseAsRoot(arguments)) == Self.contents(whole))
    }

    /// A command line this reading cannot take apart exactly is left to the parser whole.
    @Test(arguments: [
        ["convert"] + pages(10),  // few paths
        ["convert", "--frmat", "jsonl"] + pages(many),  // an unknown option
        ["convert", "-qo", "all.jsonl"] + pages(many),  // a group of short options, the last taking a value
        ["convert", "-o"] + pages(many) + ["--output"],  // an option missing its value
        ["inspect"] + pages(many),  // not a path-list command
    ])
    func unclearCommandLinesAreNotFolded(_ arguments: [String]) {
        #expect(LongPathLists.Folding(arguments) == nil)
    }

    /// Errors are the parser's own, whatever the number of paths: a bad option value, and a check made
    /// on the paths themselves ("-" given twice) after they are put back.
    @Test func errorsReadAsWithFewPaths() throws {
        let few = try encx(["convert", "--jobs", "0", "a.html", "b.html"])
        let many = try encx(["convert", "--jobs", "0"] + Self.pages(Self.many))
        #expect(few.status == 2 && many.status == 2)
        #expect(few.stderr == many.stderr)
        #expect(many.stderr.contains("--jobs must be at least 1"))

        let twice = try encx(["convert", "-"] + Self.pages(Self.many) + ["-"])
        #expect(twice.status == 2)
        #expect(twice.stderr.contains("'-' (standard input) can be given only once."))
    }

    /// Every page of a long list is converted, in the order given, with the options around them.
    @Test func aLongListOfPagesIsConvertedInOrder() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var names: [String] = []
        for index in 0..<(LongPathLists.foldingThreshold + 6) {
            let name = "page-\(String(format: "%03d", (index * 37) % 1000)).html"
            let html = "<html><head><title>Page \(index)</title></head><body><h1>Page \(index)</h1><p>Text of page number \(index), long enough to be a paragraph of prose.</p></body></html>"
            try Data(html.utf8).write(to: directory.appendingPathComponent(name))
            names.append(name)
        }
        let output = directory.appendingPathComponent("all.jsonl")
        let result = try encx(["convert", "--format", "jsonl"] + names.prefix(30) + ["-o", output.path, "-q"] + names.dropFirst(30),
                              in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try String(contentsOf: output, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == names.count)
        for (line, name) in zip(lines, names) {
            #expect(line.contains("\"input\":\"\(name)\""))
        }
    }
}
