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
              encx dedupe crawl/ > clusters.jsonl             # copies of one article on several mirrors
              encx inspect page.html                      # what was found, and what was removed
              encx verify Fixtures/                       # compare pages with their expected JSON

            Exit status: 0 everything converted; 1 some inputs failed; 2 usage error.
            """,
        version: version,
        subcommands: [Convert.self, Dedupe.self, Inspect.self, Verify.self, Bench.self]
    )

    /// Parses and runs, mapping usage errors to exit status 2 (ArgumentParser's default is 64) and
    /// printing every error as "encx: error: …", the parser's own included.
    static func main() {
        BatchMemory.keepFreedMemory()
        var parsed: (any ParsableCommand)?
        do {
            var command = try LongPathLists.parseAsRoot(Array(CommandLine.arguments.dropFirst()))
            parsed = command
            try command.run()
            reportPeakResidentSetIfAsked()
        } catch {
            reportPeakResidentSetIfAsked()
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            if let parsed {
                // Raised by a command's run: the message, and where its usage is.
                let help = type(of: parsed).configuration.commandName.map { "encx \($0) --help" } ?? "encx --help"
                printError("encx: error: " + message(for: error))
                printError("  See '\(help)' for more information.")
            } else {
                // The parser's message names the option and prints the command's usage.
                var text = fullMessage(for: error)
                if text.hasPrefix("Error: ") { text = "encx: error: " + text.dropFirst("Error: ".count) }
                printError(text)
            }
            Foundation.exit(2)
        }
    }
}

/// Writes a line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
