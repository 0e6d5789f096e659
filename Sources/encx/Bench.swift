import ArgumentParser
import Foundation
import HTMLTree

/// `encx bench`: the floors the benchmark compares `convert` against. Hidden from help: it is a
/// measuring instrument for `Scripts/benchmark`, not a feature.
struct Bench: ParsableCommand {
    // The name is given, not derived: ArgumentParser derives it by reflection each time it asks.
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the cost floors of a conversion (used by Scripts/benchmark).",
        shouldDisplay: false,
        subcommands: [ParseOnly.self, TreeOnly.self, IOOnly.self, DedupeOnly.self]
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

        /// Reads each listed page in turn and hands it to `body`.
        /// - Returns: how many pages, and their bytes in all.
        func forEachPage(_ body: (_ index: Int, _ path: String, _ data: Data) throws -> Void) throws -> (pages: Int, bytes: Int) {
            let paths = try paths()
            var bytes = 0
            for (index, path) in paths.enumerated() {
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw ValidationError("cannot read \(path)")
                }
                bytes += data.count
                try body(index, path, data)
            }
            return (paths.count, bytes)
        }
    }

    /// Read each page and parse it with libxml2, nothing more.
    struct ParseOnly: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "parse", abstract: "Read and parse each listed page with libxml2, then free it.")

        @OptionGroup var options: ListOptions

        func run() throws {
            var elements = 0
            let read = try options.forEachPage { _, _, data in elements += ParseFloor.parseAndFree([UInt8](data)) }
            printError("parsed \(read.pages) pages, \(read.bytes) bytes, \(elements) top-level elements")
        }
    }

    /// Read each page and build encx's own tree of it (decoding and parsing, no extraction): where
    /// encx's parse stands against the libxml2 floor.
    struct TreeOnly: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "tree", abstract: "Read, decode and parse each listed page into encx's tree, nothing more.")

        @OptionGroup var options: ListOptions

        func run() throws {
            var nodes = 0
            let read = try options.forEachPage { _, path, data in nodes += try Document(bytes: [UInt8](data), input: path).nodeCount }
            printError("built \(read.pages) trees, \(read.bytes) bytes, \(nodes) nodes")
        }
    }

    /// Read each page and write it to one file per page the way `convert --output DIR` does.
    struct IOOnly: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "io", abstract: "Read each listed page and write it to its own output file.")

        @OptionGroup var options: ListOptions

        @Option(help: "The folder for the copies.")
        var output: String

        func run() throws {
            let directory = URL(fileURLWithPath: output)
            let read = try options.forEachPage { index, _, data in
                try AtomicFile.write(data, to: directory.appendingPathComponent("page-\(index).json", isDirectory: false))
            }
            printError("copied \(read.pages) pages, \(read.bytes) bytes")
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
