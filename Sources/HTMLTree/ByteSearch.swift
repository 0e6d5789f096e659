import Glibc

/// Finding bytes in bytes, for the searches of both layers (the saved-from comment here, ISBNs, hidden
/// styles, title separators and deed links in the extractor).
package enum ByteSearch {
    /// Where `needle` first occurs in `haystack`, byte for byte (an empty needle at 0): C's `memchr`
    /// finds each candidate first byte and `memcmp` compares the rest.
    package static func firstOffset(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = needle.first else { return 0 }
        guard needle.count <= haystack.count, let base = haystack.baseAddress, let rest = needle.baseAddress else { return nil }
        let last = haystack.count - needle.count
        var offset = 0
        while offset <= last {
            guard let found = memchr(base + offset, Int32(first), last - offset + 1) else { return nil }
            offset = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
            if memcmp(base + offset, rest, needle.count) == 0 { return offset }
            offset += 1
        }
        return nil
    }
}
