import CZlib

/// Why gzip data could not be inflated.
public struct GzipError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Sendable, Equatable {
        /// The data is damaged or not gzip; zlib's message.
        case corrupt(String)
        /// The data inflates past the limit (a gzip bomb, or simply too big).
        case tooLarge(limit: Int)
        /// The stream ends before its end marker.
        case truncated
    }

    /// What went wrong.
    public let reason: Reason

    public var description: String {
        switch reason {
        case let .corrupt(message): "the gzip data is damaged (\(message))"
        case let .tooLarge(limit): "the gzip data inflates past the limit of \(limit) bytes"
        case .truncated: "the gzip data ends early (truncated)"
        }
    }
}

/// gzip decompression through the system zlib, with a ceiling on the inflated size.
public enum Gzip {
    /// True when `bytes` open with the gzip magic number.
    public static func isGzip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// The first `count` bytes the gzip data inflates to (fewer when it is shorter or damaged): what
    /// a file is can be told from its opening without inflating all of it (a `.warc.gz` of gigabytes).
    public static func inflatedPrefix(_ bytes: [UInt8], count: Int) -> [UInt8] {
        var stream = z_stream()
        guard count > 0, encx_inflateInit2(&stream, 15 + 32) == Z_OK else { return [] }
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: count)
        let produced = bytes.withUnsafeBufferPointer { input -> Int in
            output.withUnsafeMutableBufferPointer { buffer -> Int in
                guard let inputBase = input.baseAddress, let outputBase = buffer.baseAddress else { return 0 }
                stream.next_in = UnsafeMutablePointer(mutating: inputBase)
                stream.avail_in = uInt(clamping: input.count)
                stream.next_out = outputBase
                stream.avail_out = uInt(buffer.count)
                while stream.avail_out > 0, inflate(&stream, Z_NO_FLUSH) == Z_OK {}
                return buffer.count - Int(stream.avail_out)
            }
        }
        return Array(output.prefix(produced))
    }

    /// The size of each inflate step; output grows by at most this much past the limit before it
    /// is noticed.
    static let chunkSize = 64 * 1024

    /// Inflates gzip data (several concatenated members are read as one stream, as `gunzip` does).
    /// - Throws: ``GzipError`` when the data is damaged, truncated, or inflates past `limit` bytes.
    public static func decompress(_ bytes: [UInt8], limit: Int) throws(GzipError) -> [UInt8] {
        var stream = z_stream()
        // 15 window bits + 32: detect gzip or zlib headers automatically.
        guard encx_inflateInit2(&stream, 15 + 32) == Z_OK else {
            throw GzipError(reason: .corrupt("inflateInit2 failed"))
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        // A small payload needs no 64 KB step (deflate rarely shrinks text more than tenfold).
        var chunk = [UInt8](repeating: 0, count: min(chunkSize, max(4096, bytes.count * 8)))
        var consumed = 0
        var result: Result<Void, GzipError> = .success(())
        bytes.withUnsafeBufferPointer { input in
            chunk.withUnsafeMutableBufferPointer { buffer in
                guard let inputBase = input.baseAddress, let outputBase = buffer.baseAddress else { return }
                stream.next_in = UnsafeMutablePointer(mutating: inputBase)
                stream.avail_in = uInt(clamping: input.count)
                while true {
                    stream.next_out = outputBase
                    stream.avail_out = uInt(buffer.count)
                    let status = inflate(&stream, Z_NO_FLUSH)
                    let produced = buffer.count - Int(stream.avail_out)
                    output.append(contentsOf: UnsafeBufferPointer(start: outputBase, count: produced))
                    if output.count > limit {
                        result = .failure(GzipError(reason: .tooLarge(limit: limit)))
                        return
                    }
                    switch status {
                    case Z_STREAM_END:
                        consumed = input.count - Int(stream.avail_in)
                        // Another member follows (concatenated gzip files): keep going.
                        if stream.avail_in > 0, consumed + 1 < input.count, input[consumed] == 0x1F, input[consumed + 1] == 0x8B {
                            inflateReset(&stream)
                            continue
                        }
                        return
                    case Z_OK:
                        if stream.avail_in == 0 && stream.avail_out > 0 {
                            result = .failure(GzipError(reason: .truncated))
                            return
                        }
                    case Z_BUF_ERROR:
                        if stream.avail_in == 0 {
                            result = .failure(GzipError(reason: .truncated))
                            return
                        }
                    default:
                        let message = stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"
                        result = .failure(GzipError(reason: .corrupt(message)))
                        return
                    }
                }
            }
        }
        try result.get()
        return output
    }
}

extension Gzip {
    /// How compressed bytes are wrapped.
    package enum Wrapper: Sendable {
        /// A gzip member (`.gz` files, WARC members, `Content-Encoding: gzip`).
        case gzip
        /// A zlib stream (what HTTP's `Content-Encoding: deflate` means).
        case zlib
    }

    /// Compresses `bytes` in one call. For the package's tests and fuzz checks, which build archives to
    /// read back; the library itself only inflates.
    package static func compress(_ bytes: [UInt8], wrapper: Wrapper = .gzip, level: Int32 = 6) -> [UInt8] {
        var stream = z_stream()
        // A window no larger than the input (9 to 15 bits) keeps zlib's state small for small inputs;
        // + 16 writes a gzip header and trailer instead of zlib's.
        let windowBits = Int32(max(9, min(15, Int.bitWidth - bytes.count.leadingZeroBitCount)))
        guard encx_deflateInit2(&stream, level, wrapper == .gzip ? windowBits + 16 : windowBits, windowBits - 6) == Z_OK else {
            preconditionFailure("deflateInit2 failed (zlib out of memory)")
        }
        defer { deflateEnd(&stream) }
        // deflateBound is for zlib's wrapper; a gzip header and trailer take 18 bytes where zlib's take 6.
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))) + 32)
        var input = bytes
        let status = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { destination in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                stream.next_out = destination.baseAddress
                stream.avail_out = uInt(destination.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        precondition(status == Z_STREAM_END, "deflate did not finish in one call (status \(status))")
        output.removeSubrange(Int(stream.total_out)...)
        return output
    }
}
