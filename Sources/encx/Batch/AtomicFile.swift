import Foundation

/// Writes files so that a reader (or an interrupted run) never sees half of one: the bytes go to a
/// temporary file in the same folder, which is then renamed into place.
enum AtomicFile {
    static func write(_ data: Data, to url: URL) throws {
        let file = try StreamingAtomicFile(url: url)
        do {
            try file.write(data)
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
    }
}

/// A file written piece by piece to a temporary path and renamed into place when finished. Pieces are
/// gathered and written a quarter of a megabyte at a time (a JSON Lines file of small pages took a
/// system call for each line); nobody reads the temporary file before it is renamed.
final class StreamingAtomicFile {
    let url: URL
    private let temporary: URL
    private let handle: FileHandle
    private var pending = Data()
    private static let writeSize = 256 * 1024

    init(url: URL) throws {
        self.url = url
        let directory = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        temporary = directory.appendingPathComponent(".\(url.lastPathComponent).encx-\(getpid())-\(UUID().uuidString.prefix(8)).tmp", isDirectory: false)
        // Created with open(2), not FileManager.createFile: that writes an empty file through a hidden
        // temporary of its own (".dat.nosync…"), which a killed run would leave behind.
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporary.path, NSLocalizedDescriptionKey: reason])
        }
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    func write(_ data: Data) throws {
        pending.append(data)
        if pending.count >= Self.writeSize { try flush() }
    }

    private func flush() throws {
        guard !pending.isEmpty else { return }
        defer { pending.removeAll(keepingCapacity: true) }
        try handle.write(contentsOf: pending)
    }

    /// Writes what is gathered, closes the file and moves it into place.
    func commit() throws {
        try flush()
        try handle.close()
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path, NSLocalizedDescriptionKey: reason])
        }
    }

    /// Closes and deletes the temporary file.
    func discard() {
        try? handle.close()
        unlink(temporary.path)
    }
}

/// Temporary files an interrupted run (`kill -9`, a power cut) left behind: `.NAME.encx-PID-ID.tmp`
/// whose process no longer exists. A new run into the same place removes them.
enum UnfinishedFiles {
    /// Removes unfinished files of dead runs under `directory` (recursively when `recursive`), keeping
    /// those of live processes (another run writing there now); returns how many were removed.
    static func sweep(_ directory: URL, recursive: Bool) -> Int {
        let manager = FileManager.default
        let paths: [String]
        if recursive {
            guard let enumerator = manager.enumerator(atPath: directory.path) else { return 0 }
            paths = enumerator.compactMap { $0 as? String }
        } else {
            paths = (try? manager.contentsOfDirectory(atPath: directory.path)) ?? []
        }
        var removed = 0
        for path in paths {
            // The name is cut from the path's bytes: NSString's lastPathComponent cost more than the rest
            // of a run's start-up, and a split by characters about 12,000 instructions an entry.
            let bytes = path.utf8
            let name = bytes.lastIndex(of: UInt8(ascii: "/")).map { String(Substring(bytes[bytes.index(after: $0)...])) } ?? path
            guard let pid = writerProcess(ofTemporaryName: name), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            if unlink(directory.appendingPathComponent(path, isDirectory: false).path) == 0 { removed += 1 }
        }
        return removed
    }

    /// The process id in a temporary file name `StreamingAtomicFile` makes, or nil for any other name.
    static func writerProcess(ofTemporaryName name: String) -> pid_t? {
        guard name.hasPrefix("."), name.hasSuffix(".tmp"), let marker = name.range(of: ".encx-", options: .backwards) else { return nil }
        let rest = name[marker.upperBound...].dropLast(4)
        guard let dash = rest.firstIndex(of: "-"), let pid = pid_t(rest[..<dash]), pid > 0 else { return nil }
        return pid
    }
}
