import Glibc

/// Why a file could not be read: the system's reason ("No such file or directory", …).
public struct FileReadError: Error, Sendable, Equatable, CustomStringConvertible {
    public let reason: String
    public var description: String { reason }
}

/// Whole-file reads with open/fstat/read: the size is known before anything is read, so a file larger
/// than a limit is refused without being loaded, and no Foundation buffer is involved.
public enum FileBytes {
    /// The file's bytes.
    /// - Parameters:
    ///   - path: the file.
    ///   - limit: refuse (with `tooLarge`) files larger than this many bytes; nil for no limit.
    /// - Returns: the bytes, or `.tooLarge(size:)` when over the limit.
    public static func read(path: String, limit: Int? = nil) throws(FileReadError) -> Result {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileReadError(reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw FileReadError(reason: String(cString: strerror(errno))) }
        if (status.st_mode & S_IFMT) == S_IFDIR { throw FileReadError(reason: String(cString: strerror(EISDIR))) }
        let size = Int(status.st_size)
        if let limit, size > limit { return .tooLarge(size: size) }
        // Regular files give their size; pipes and special files report 0 and are read to the end.
        var bytes = [UInt8](repeating: 0, count: max(size, 64 * 1024))
        var count = 0
        while true {
            if count == bytes.count {
                if let limit, count > limit { return .tooLarge(size: count) }
                bytes.append(contentsOf: [UInt8](repeating: 0, count: bytes.count))
            }
            let read = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if read < 0 {
                if errno == EINTR { continue }
                throw FileReadError(reason: String(cString: strerror(errno)))
            }
            if read == 0 { break }
            count += read
        }
        bytes.removeSubrange(count...)
        return .bytes(bytes)
    }

    /// What ``read(path:limit:)`` found.
    public enum Result: Sendable {
        case bytes([UInt8])
        case tooLarge(size: Int)
    }
}
