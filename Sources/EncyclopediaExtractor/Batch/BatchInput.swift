import Foundation
import HTMLTree

/// One thing for a ``BatchConverter`` to convert: a page file, a WARC file (read record by record, a
/// result per page), or a page's bytes.
///
/// Kept small (a few strings) for files: a batch holds one for every input, and a crawl has hundreds of
/// thousands of them.
public struct BatchInput: Sendable, Equatable {
    /// Where the input's bytes are.
    public enum Source: Sendable, Equatable {
        /// A file: a page (`.html`, `.htm`, `.xhtml`, `.shtml`, each optionally `.gz`; `.mht`, `.mhtml`) or a
        /// WARC file (`.warc`, `.warc.gz`).
        case file(path: String)
        /// A page's bytes, e.g. read from standard input or a database.
        case bytes([UInt8])
    }

    /// Where the bytes are.
    public var source: Source
    /// How results and errors name the input: the path as given, or the name chosen for bytes.
    public var name: String
    /// The input's path below the folder it was found in (`"2014/a.html"`), or its file name: what a
    /// caller mirrors when it writes one output per input.
    public var relativePath: String
    /// The page's URL, when the caller knows it (used when the page names none itself).
    public var url: URL?

    /// Creates an input.
    public init(source: Source, name: String, relativePath: String? = nil, url: URL? = nil) {
        self.source = source
        self.name = name
        self.url = url
        if let relativePath {
            self.relativePath = relativePath
        } else if case let .file(path) = source {
            self.relativePath = (path as NSString).lastPathComponent
        } else {
            self.relativePath = name
        }
    }

    /// A file given by its path.
    public static func file(_ path: String) -> BatchInput {
        BatchInput(source: .file(path: path), name: path)
    }

    /// A page's bytes, named `name` in results and errors.
    public static func bytes(_ bytes: [UInt8], name: String, url: URL? = nil) -> BatchInput {
        BatchInput(source: .bytes(bytes), name: name, url: url)
    }

    /// The file, or nil for bytes (`isDirectory:` spares Foundation a stat of the path).
    public var fileURL: URL? {
        guard case let .file(path) = source else { return nil }
        return URL(fileURLWithPath: path, isDirectory: false)
    }

    /// True for a WARC file (`.warc`, `.warc.gz`), read record by record.
    public var isWARC: Bool {
        guard case let .file(path) = source else { return false }
        let lowered = path.lowercased()
        return lowered.hasSuffix(".warc") || lowered.hasSuffix(".warc.gz")
    }
}

/// The inputs found under some paths, and notes on what was passed over.
public struct InputCollection: Sendable {
    /// The inputs, in a stable order: the paths in the order given, each folder's files sorted by name,
    /// depth first.
    public var inputs: [BatchInput]
    /// Notes on what was skipped (a symbolic link back to a folder already read).
    public var notes: [String]
}

extension BatchInput {
    /// File names taken from folders when no glob is given.
    public static let pageSuffixes = [".html", ".htm", ".xhtml", ".shtml", ".html.gz", ".htm.gz", ".xhtml.gz", ".shtml.gz",
                                      ".mht", ".mhtml", ".warc", ".warc.gz"]

    /// Expands paths into inputs: a file is one input; a folder is read recursively (hidden files and
    /// symbolic-link loops skipped) for files whose names end in ``pageSuffixes``, or match `glob` (a
    /// shell pattern such as `"*.htm*"`).
    /// - Throws: ``ExtractionError/unreadable(path:reason:)`` for a path that does not exist or a folder
    ///   that cannot be listed.
    public static func collect(_ paths: [String], glob: String? = nil) throws(ExtractionError) -> InputCollection {
        var inputs: [BatchInput] = []
        var notes: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw .unreadable(path: path, reason: "No such file or directory")
            }
            if !isDirectory.boolValue {
                inputs.append(.file(path))
                continue
            }
            var visited: Set<String> = []
            var stack: [(URL, String)] = [(URL(fileURLWithPath: path, isDirectory: true), "")]
            while let (directory, prefix) = stack.popLast() {
                let real = directory.resolvingSymlinksInPath().path
                guard visited.insert(real).inserted else {
                    notes.append("skipped \(directory.path): a symbolic link back to a folder already read")
                    continue
                }
                // The folder says which entries are files and folders: only links (and entries of file
                // systems that record no kinds) cost a stat.
                let entries: [FolderEntries.Entry]
                do {
                    entries = try FolderEntries.read(path: directory.path)
                } catch {
                    throw .unreadable(path: directory.path, reason: error.reason)
                }
                var subdirectories: [(URL, String)] = []
                for entry in entries.sorted(by: { $0.name < $1.name }) where !entry.name.hasPrefix(".") {
                    let name = entry.name
                    var childIsDirectory = ObjCBool(entry.isFolder ?? false)
                    if entry.isFolder == nil {
                        // Given `isDirectory:`, Foundation builds the URL without a stat of its own.
                        let child = directory.appendingPathComponent(name, isDirectory: false)
                        guard manager.fileExists(atPath: child.path, isDirectory: &childIsDirectory) else { continue }
                    }
                    let relative = prefix.isEmpty ? name : prefix + "/" + name
                    if childIsDirectory.boolValue {
                        subdirectories.append((directory.appendingPathComponent(name, isDirectory: true), relative))
                    } else if matches(name, glob: glob) {
                        let shown = path.hasSuffix("/") ? path + relative : path + "/" + relative
                        inputs.append(BatchInput(source: .file(path: shown), name: shown, relativePath: relative))
                    }
                }
                stack.append(contentsOf: subdirectories.reversed())
            }
        }
        return InputCollection(inputs: inputs, notes: notes)
    }

    /// True when a file named `name` is taken from a folder.
    public static func matches(_ name: String, glob: String?) -> Bool {
        if let glob { return fnmatch(glob, name, 0) == 0 }
        let lowered = name.lowercased()
        return pageSuffixes.contains { lowered.hasSuffix($0) }
    }
}
