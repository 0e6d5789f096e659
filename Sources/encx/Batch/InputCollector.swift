import Foundation

/// One page to convert. Kept small (two strings): a batch holds one for every input file, and a
/// crawl has hundreds of thousands of them.
struct InputItem: Sendable {
    /// The path as the user sees it (or "-" for standard input).
    let displayPath: String
    /// The output path relative to `--output`, mirroring the input tree (extension not yet set).
    let relativeOutput: String

    /// The file, or nil for standard input (made when asked for, not stored; `isDirectory:` spares
    /// Foundation a stat of the path each time).
    var url: URL? {
        displayPath == "-" && relativeOutput == "stdin" ? nil : URL(fileURLWithPath: displayPath, isDirectory: false)
    }

    /// A WARC file (`.warc`, `.warc.gz`), read record by record; its output is JSON Lines.
    var isWARC: Bool {
        let name = displayPath.lowercased()
        return name.hasSuffix(".warc") || name.hasSuffix(".warc.gz")
    }
}

/// Expands the command line's inputs (files, directories, "-") into pages, in a stable order.
enum InputCollector {
    /// File names taken from directories when no `--glob` is given.
    static let pageSuffixes = [".html", ".htm", ".xhtml", ".shtml", ".html.gz", ".htm.gz", ".xhtml.gz", ".shtml.gz",
                               ".mht", ".mhtml", ".warc", ".warc.gz"]

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The pages, and notes on what was skipped (symlink loops).
    static func collect(_ inputs: [String], glob: String?) throws -> (items: [InputItem], notes: [String]) {
        var items: [InputItem] = []
        var notes: [String] = []
        let manager = FileManager.default
        for input in inputs {
            if input == "-" {
                items.append(InputItem(displayPath: "-", relativeOutput: "stdin"))
                continue
            }
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: input, isDirectory: &isDirectory) else {
                throw Failure(description: "no such file or directory: \(input)")
            }
            let url = URL(fileURLWithPath: input)
            if !isDirectory.boolValue {
                items.append(InputItem(displayPath: input, relativeOutput: url.lastPathComponent))
                continue
            }
            var visited: Set<String> = []
            var stack: [(URL, String)] = [(url, "")]
            while let (directory, prefix) = stack.popLast() {
                let real = directory.resolvingSymlinksInPath().path
                guard visited.insert(real).inserted else {
                    notes.append("skipped \(directory.path): a symbolic link back to a folder already read")
                    continue
                }
                let names = try manager.contentsOfDirectory(atPath: directory.path).sorted()
                var subdirectories: [(URL, String)] = []
                for name in names where !name.hasPrefix(".") {
                    // Given `isDirectory:`, Foundation builds the URL without a stat of its own.
                    let child = directory.appendingPathComponent(name, isDirectory: false)
                    var childIsDirectory: ObjCBool = false
                    guard manager.fileExists(atPath: child.path, isDirectory: &childIsDirectory) else { continue }
                    let relative = prefix.isEmpty ? name : prefix + "/" + name
                    if childIsDirectory.boolValue {
                        subdirectories.append((directory.appendingPathComponent(name, isDirectory: true), relative))
                    } else if matches(name, glob: glob) {
                        let display = input.hasSuffix("/") ? input + relative : input + "/" + relative
                        items.append(InputItem(displayPath: display, relativeOutput: relative))
                    }
                }
                stack.append(contentsOf: subdirectories.reversed())
            }
        }
        return (items, notes)
    }

    static func matches(_ name: String, glob: String?) -> Bool {
        if let glob { return fnmatch(glob, name, 0) == 0 }
        let lowered = name.lowercased()
        return pageSuffixes.contains { lowered.hasSuffix($0) }
    }
}
