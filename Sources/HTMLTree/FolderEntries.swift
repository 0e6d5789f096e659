import Glibc

/// A folder's entries with their kinds as the folder itself records them (`readdir`'s `d_type`), so a
/// batch of thousands of pages is listed without a `stat` call per page (each system call costs
/// microseconds on a virtual machine, and the listing is done before any page is converted).
public enum FolderEntries {
    /// One entry: its name and, when the folder records it, whether it is a folder (nil for a symbolic
    /// link, or a file system that records no kinds: the caller asks the file system).
    public struct Entry: Sendable, Equatable {
        public let name: String
        public let isFolder: Bool?
    }

    /// The entries of the folder at `path`, "." and ".." left out, in the order the folder gives them.
    /// - Throws: ``FileReadError`` with the system's reason, read when the call failed ("Permission
    ///   denied", "Not a directory"), when the folder cannot be opened or read.
    public static func read(path: String) throws(FileReadError) -> [Entry] {
        guard let stream = opendir(path) else { throw FileReadError(reason: String(cString: strerror(errno))) }
        defer { closedir(stream) }
        var entries: [Entry] = []
        while true {
            errno = 0
            guard let record = readdir(stream) else {
                if errno == 0 { return entries }
                throw FileReadError(reason: String(cString: strerror(errno)))
            }
            let name = withUnsafeBytes(of: record.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let isFolder: Bool?
            switch Int32(record.pointee.d_type) {
            case Int32(DT_REG): isFolder = false
            case Int32(DT_DIR): isFolder = true
            default: isFolder = nil
            }
            entries.append(Entry(name: name, isFolder: isFolder))
        }
    }
}
