import ArgumentParser
import Foundation
import HTMLTree

/// `encx bench`: the floors the benchmark compares `convert` against. Hidden from help: it is a
/// measuring instrument for `Scripts/benchmark`, not a feature.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure the cost floors of a conversion (used by Scripts/benchmark).",
        shouldDisplay: false,
        subcommands: [ParseOnly.self, TreeOnly.self, IOOnly.self]
    )

    struct ListOptions: ParsableArguments {
        @Option(help: "A file listing one page path per line.")
        var list: String

        func paths() throws -> [String] {
            guard let text = try? String(contentsOfFile: list, encoding: .utf8) else {
                throw ValidationError("cannot read the list \(list)")
            }
            return text.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
        }
    }

    /// Read each page and parse it with libxml2, nothing more.
    struct ParseOnly: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "parse", abstract: "Read and parse each listed page with libxml2, then free it.")

        @OptionGroup var options: ListOptions

        func run() throws {
            var bytes = 0
            var elements = 0
            let paths = try options.paths()
            for path in paths {
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw ValidationError("cannot read \(path)")
                }
                let page = [UInt8](data)
                bytes += page.count
                elements += ParseFloor.parseAndFree(page)
            }
            printError("parsed \(paths.count) pages, \(bytes) bytes, \(elements) top-level elements")
        }
    }

    /// Read each page and build encx's own tree of it (decoding and parsing, no extraction): where
    /// encx's parse stands against the libxml2 floor.
    struct TreeOnly: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "tree", abstract: "Read, decode and parse each listed page into encx's tree, nothing more.")

        @OptionGroup var options: ListOptions

        func run() throws {
            var bytes = 0
            var nodes = 0
            let paths = try options.paths()
            for path in paths {
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw ValidationError("cannot read \(path)")
                }
                let page = [UInt8](data)
                bytes += page.count
                nodes += try Document(bytes: page, input: path).nodeCount
            }
            printError("built \(paths.count) trees, \(bytes) bytes, \(nodes) nodes")
        }
    }

    /// Read each page and write it to one file per page the way `convert --output DIR` does.
    struct IOOnly: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "io", abstract: "Read each listed page and write it to its own output file.")

        @OptionGroup var options: ListOptions

        @Option(help: "The folder for the copies.")
        var output: String

        func run() throws {
            let paths = try options.paths()
            let directory = URL(fileURLWithPath: output)
            var bytes = 0
            for (index, path) in paths.enumerated() {
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw ValidationError("cannot read \(path)")
                }
                bytes += data.count
                try AtomicFile.write(data, to: directory.appendingPathComponent("page-\(index).json"))
            }
            printError("copied \(paths.count) pages, \(bytes) bytes")
        }
    }
}

/// When `ENCX_REPORT_PEAK_RSS=1`, prints the process's own peak resident set (VmHWM) as the last line
/// on standard error, for the benchmark. (`ru_maxrss` of a child counts its parent's pages before exec.)
func reportPeakResidentSetIfAsked() {
    guard ProcessInfo.processInfo.environment["ENCX_REPORT_PEAK_RSS"] == "1",
        let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
    else { return }
    let kilobytes = line.split(separator: " ").dropFirst().first.map(String.init) ?? "?"
    printError("peak-rss-kb: \(kilobytes)")
}
