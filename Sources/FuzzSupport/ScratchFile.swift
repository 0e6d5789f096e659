import Foundation

/// One file per process for readers that take a path (``WARCReader``): each check overwrites it, and it
/// is removed when the process exits normally. It lives in /dev/shm when there is one (no disk writes at
/// thousands of inputs a second), else in the temporary folder.
public enum ScratchFile {
    public static let path: String = {
        let folder = FileManager.default.isWritableFile(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let path = (folder as NSString).appendingPathComponent("encx-fuzz-\(getpid())")
        atexit { unlink(ScratchFile.path) }
        return path
    }()

    /// Replaces the file's contents with `bytes`.
    public static func write(_ bytes: [UInt8]) throws(InvariantFailure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw InvariantFailure("cannot write the scratch file \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + written, $0.count - written) }
            guard count > 0 else { throw InvariantFailure("cannot write the scratch file \(path): \(String(cString: strerror(errno)))") }
            written += count
        }
    }
}
