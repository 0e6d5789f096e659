import Foundation

/// Writes files so that a reader (or an interrupted run) never sees half of one: the bytes go to a
/// temporary file in the same folder, which is then renamed into place.
enum AtomicFile {
    static func write(_ data: Data, to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).encx-\(getpid())-\(UUID().uuidString.prefix(8)).tmp")
        do {
            try data.write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path,
                                                               NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            unlink(temporary.path)
            throw error
        }
    }
}

/// A file written line by line to a temporary path and renamed into place when finished.
final class StreamingAtomicFile {
    let url: URL
    private let temporary: URL
    private let handle: FileHandle

    init(url: URL) throws {
        self.url = url
        let directory = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        temporary = directory.appendingPathComponent(".\(url.lastPathComponent).encx-\(getpid()).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        handle = try FileHandle(forWritingTo: temporary)
    }

    func write(_ data: Data) {
        handle.write(data)
    }

    /// Closes the file and moves it into place.
    func commit() throws {
        try handle.close()
        guard rename(temporary.path, url.path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
    }

    /// Closes and deletes the temporary file.
    func discard() {
        try? handle.close()
        unlink(temporary.path)
    }
}
