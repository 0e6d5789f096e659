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

/// A file written piece by piece to a temporary path and renamed into place when finished.
final class StreamingAtomicFile {
    let url: URL
    private let temporary: URL
    private let handle: FileHandle

    init(url: URL) throws {
        self.url = url
        let directory = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        temporary = directory.appendingPathComponent(".\(url.lastPathComponent).encx-\(getpid())-\(UUID().uuidString.prefix(8)).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        handle = try FileHandle(forWritingTo: temporary)
    }

    func write(_ data: Data) throws {
        try handle.write(contentsOf: data)
    }

    /// Closes the file and moves it into place.
    func commit() throws {
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
