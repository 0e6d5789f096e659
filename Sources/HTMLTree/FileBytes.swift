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
        // Regular files give their size (one byte more leaves room to see the end in the same
        // buffer); pipes and special files report 0 and are read to the end in growing chunks.
        var failure: Int32 = 0
        var requested = size > 0 ? size + 1 : 64 * 1024
        var bytes = [UInt8](unsafeUninitializedCapacity: requested) { buffer, initialized in
            // Once the size fstat gave is in, the file is read: no second read to see its end (a file
            // that grew meanwhile fills the extra byte, and is read on below).
            initialized = readAvailable(descriptor, into: buffer, failure: &failure, enough: size > 0 ? size : nil)
        }
        // A full buffer may not be the end: read on (a pipe, or a file that grew).
        var filled = bytes.count == requested
        while failure == 0 && filled {
            if let limit, bytes.count > limit { return .tooLarge(size: bytes.count) }
            requested = max(bytes.count, 64 * 1024)
            let chunk = [UInt8](unsafeUninitializedCapacity: requested) { buffer, initialized in
                initialized = readAvailable(descriptor, into: buffer, failure: &failure)
            }
            bytes += chunk
            filled = chunk.count == requested
        }
        if failure != 0 { throw FileReadError(reason: String(cString: strerror(failure))) }
        return .bytes(bytes)
    }

    /// Reads until `buffer` is full, the file ends or `enough` bytes are in; returns how many bytes were
    /// read (an error other than an interruption is left in `failure`).
    private static func readAvailable(_ descriptor: Int32, into buffer: UnsafeMutableBufferPointer<UInt8>,
                                      failure: inout Int32, enough: Int? = nil) -> Int
    {
        guard let base = buffer.baseAddress else { return 0 }
        var count = 0
        while count < buffer.count, count != enough {
            let read = Glibc.read(descriptor, base + count, buffer.count - count)
            if read < 0 {
                if errno == EINTR { continue }
                failure = errno
                break
            }
            if read == 0 { break }
            count += read
        }
        return count
    }

    /// What ``read(path:limit:)`` found.
    public enum Result: Sendable {
        case bytes([UInt8])
        case tooLarge(size: Int)
    }
}
