import ArgumentParser
import Foundation
import HTMLTree

/// `encx`: converts saved encyclopedia pages into clean articles.
@main
struct Encx: ParsableCommand {
    static let version = "0.3.0"

    static let configuration = CommandConfiguration(
        commandName: "encx",
        abstract: "Turn saved World Library–style encyclopedia pages into clean, structured articles.",
        discussion: """
            Examples:
              encx convert page.html                      # the article as JSON on stdout
              encx convert saved-pages/ --output articles/  # one JSON file per page, mirroring the tree
              encx convert crawl/ --format jsonl --output all.jsonl --report report.jsonl
              encx inspect page.html                      # what was found, and what was removed
              encx verify Fixtures/                       # compare pages with their expected JSON

            Exit status: 0 everything converted; 1 some inputs failed; 2 usage error.
            """,
        version: version,
        subcommands: [Convert.self, Inspect.self, Verify.self, Bench.self]
    )

    /// Parses and runs, mapping usage errors to exit status 2 (ArgumentParser's default is 64).
    static func main() {
        BatchMemory.keepFreedMemory()
        do {
            var command = try parseAsRoot()
            try command.run()
            reportPeakResidentSetIfAsked()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                FileHandle.standardError.write(Data("Run 'encx help' for usage.\n".utf8))
                reportPeakResidentSetIfAsked()
                Foundation.exit(2)
            }
            reportPeakResidentSetIfAsked()
            exit(withError: error)
        }
    }
}

/// Writes a line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
