import CZlib
import Glibc

/// Reads a file as a stream of bytes, inflating gzip as it goes when the file is gzip: one member for
/// the whole file or one member per record (as WARC files are written), in chunks, so memory stays
/// bounded whatever the file's size.
///
/// A damaged gzip member does not end the stream: the reader skips to the next member's header and
/// goes on. Each skip starts a new *segment*; ``read(into:maximum:)`` never returns bytes of two
/// segments in one call, so a record reader can drop the record the damage fell in.
public final class InflatingFileReader {
    /// True when the file is gzip-compressed.
    public let isCompressed: Bool
    /// Increases each time the stream jumps over damaged data; bytes of one segment are contiguous.
    public private(set) var segment = 0
    /// What was skipped and why, in order (e.g. "damaged gzip member at byte 1234: invalid block type").
    public private(set) var damage: [String] = []
    /// For each entry of ``damage``, how many of the bytes read just before the skip came from the damaged
    /// member (0 for junk between members, or a member that gave nothing before its damage): a reader can
    /// tell a record that the damage fell in from one that ended before the damaged member began.
    public private(set) var damagedOutput: [Int] = []
    /// Bytes the current member has given so far.
    private var memberOutput = 0
    /// Bytes of the file read so far (compressed bytes for a gzip file).
    public private(set) var fileOffset = 0

    private let descriptor: Int32
    private var raw: [UInt8]
    private var rawStart = 0
    private var rawEnd = 0
    private var endOfFile = false
    private var stream = z_stream()
    private var streamReady = false
    /// True between the end of one gzip member and the start of the next.
    private var betweenMembers = false
    /// Where the member being inflated starts in the file.
    private var memberStart = 0
    private var finished = false

    /// How much of the file is read at a time, and how much is inflated at a time.
    private let rawChunk: Int
    private let inflatedChunk: Int

    /// The chunk sizes for large files. A smaller file gets buffers its own size (but at least
    /// `smallestChunk`, which leaves room to read past the two bytes kept while looking for a gzip header):
    /// a reader of a WARC file of a few records does not allocate and zero half a megabyte.
    static let largestChunk = 256 * 1024
    static let smallestChunk = 4 * 1024

    /// Opens a file.
    /// - Throws: ``GzipError`` `.corrupt` with the system's reason when the file cannot be opened.
    public init(path: String) throws(GzipError) {
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw GzipError(reason: .corrupt(String(cString: strerror(errno)))) }
        var status = stat()
        let size = fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG ? Int(status.st_size) : Self.largestChunk
        rawChunk = min(Self.largestChunk, max(Self.smallestChunk, size))
        // Deflate often shrinks text four to ten times.
        inflatedChunk = min(Self.largestChunk, max(Self.smallestChunk, min(size, Self.largestChunk) * 4))
        raw = [UInt8](repeating: 0, count: rawChunk)
        var magic = [UInt8](repeating: 0, count: 2)
        let peeked = pread(descriptor, &magic, 2, 0)
        isCompressed = peeked == 2 && magic[0] == 0x1F && magic[1] == 0x8B
        if isCompressed {
            guard encx_inflateInit2(&stream, 15 + 16) == Z_OK else {
                close(descriptor)
                throw GzipError(reason: .corrupt("inflateInit2 failed"))
            }
            streamReady = true
        }
    }

    deinit {
        if streamReady { inflateEnd(&stream) }
        close(descriptor)
    }

    /// Appends up to `maximum` bytes of the (inflated) stream to `buffer`.
    /// - Returns: how many bytes (0 at the end), and the segment they belong to.
    public func read(into buffer: inout [UInt8], maximum: Int) -> (count: Int, segment: Int) {
        guard !finished, maximum > 0 else { return (0, segment) }
        if !isCompressed { return (copySome(into: &buffer, maximum: maximum), segment) }
        return inflateSome(into: &buffer, maximum: maximum)
    }

    private func fill() {
        guard !endOfFile else { return }
        if rawStart > 0 {
            let remaining = rawEnd - rawStart
            if remaining > 0 {
                raw.withUnsafeMutableBufferPointer { base in
                    _ = memmove(base.baseAddress!, base.baseAddress! + rawStart, remaining)
                }
            }
            rawEnd = remaining
            rawStart = 0
        }
        while rawEnd < raw.count {
            let count = raw.withUnsafeMutableBufferPointer { base in
                Glibc.read(descriptor, base.baseAddress! + rawEnd, base.count - rawEnd)
            }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 {
                if count < 0 { damage.append("read error at byte \(fileOffset): \(String(cString: strerror(errno)))") }
                endOfFile = true
                return
            }
            rawEnd += count
            fileOffset += count
            break
        }
    }

    private func copySome(into buffer: inout [UInt8], maximum: Int) -> Int {
        if rawStart == rawEnd { fill() }
        let count = min(maximum, rawEnd - rawStart)
        guard count > 0 else {
            finished = true
            return 0
        }
        buffer.append(contentsOf: raw[rawStart..<(rawStart + count)])
        rawStart += count
        return count
    }

    private func inflateSome(into buffer: inout [UInt8], maximum: Int) -> (count: Int, segment: Int) {
        var produced = 0
        let wanted = min(maximum, inflatedChunk)
        var output = [UInt8](repeating: 0, count: wanted)
        while produced == 0 {
            if rawStart == rawEnd { fill() }
            if rawStart == rawEnd {
                // End of the file: fine between members, a truncated member otherwise.
                if !betweenMembers {
                    damage.append("the last gzip member is truncated at byte \(fileOffset)")
                    damagedOutput.append(memberOutput)
                }
                finished = true
                return (0, segment)
            }
            if betweenMembers {
                // The next member must open with the gzip magic number; anything else is skipped.
                guard raw[rawStart] == 0x1F else {
                    skipToNextMember(reason: "bytes between gzip members", at: rawStart, searchingFrom: rawStart + 1)
                    continue
                }
                betweenMembers = false
                memberOutput = 0
                memberStart = fileOffset - (rawEnd - rawStart)
                inflateReset(&stream)
            }
            let available = rawEnd - rawStart
            let status: Int32 = raw.withUnsafeMutableBufferPointer { input in
                output.withUnsafeMutableBufferPointer { out in
                    stream.next_in = input.baseAddress! + rawStart
                    stream.avail_in = uInt(available)
                    stream.next_out = out.baseAddress! + produced
                    stream.avail_out = uInt(wanted - produced)
                    return inflate(&stream, Z_NO_FLUSH)
                }
            }
            let consumed = available - Int(stream.avail_in)
            memberOutput += wanted - Int(stream.avail_out) - produced
            produced = wanted - Int(stream.avail_out)
            rawStart += consumed
            switch status {
            case Z_STREAM_END:
                betweenMembers = true
            case Z_OK, Z_BUF_ERROR:
                break
            default:
                let message = stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"
                // What this member gave before the damage belongs to the segment before the skip.
                let before = segment
                // The next member may start before where zlib noticed the damage (it reads ahead), so the
                // search starts just past this member's own header.
                let searchStart = max(0, memberStart + 1 - (fileOffset - rawEnd))
                skipToNextMember(reason: "damaged gzip member (\(message))", at: rawStart, searchingFrom: searchStart)
                if produced > 0 {
                    buffer.append(contentsOf: output[0..<produced])
                    return (produced, before)
                }
            }
        }
        buffer.append(contentsOf: output[0..<produced])
        return (produced, segment)
    }

    /// Jumps to the next gzip header (1F 8B 08) at or after `searchStart`, starting a new segment; the
    /// damage is reported at `position` (an index in `raw`).
    private func skipToNextMember(reason: String, at position: Int, searchingFrom searchStart: Int) {
        damage.append("\(reason) at byte \(fileOffset - (rawEnd - position)); skipped to the next gzip member")
        damagedOutput.append(betweenMembers ? 0 : memberOutput)
        segment += 1
        var index = searchStart
        while true {
            while index + 2 < rawEnd {
                if raw[index] == 0x1F && raw[index + 1] == 0x8B && raw[index + 2] == 0x08 {
                    rawStart = index
                    betweenMembers = true
                    return
                }
                index += 1
            }
            // Keep the last two bytes (a header may straddle the chunk boundary) and read on.
            rawStart = max(rawStart, index)
            let before = rawEnd - rawStart
            fill()
            if endOfFile && rawEnd - rawStart == before {
                rawStart = rawEnd
                betweenMembers = true
                return
            }
            index = rawStart
        }
    }
}
