/// Reads a fuzz input as a recipe: small numbers, choices and byte strings taken from the front, so a
/// structured check (build a WARC file from records, then read it back) turns every input into a valid
/// structure, and libFuzzer's mutations of the input become changes of the structure.
///
/// An exhausted input reads as zeros and empty strings, so every recipe is finite.
public struct FuzzedBytes {
    private let bytes: [UInt8]
    private var index = 0

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// True when every byte has been read.
    public var isExhausted: Bool { index >= bytes.count }

    /// The next byte (0 when exhausted).
    public mutating func byte() -> UInt8 {
        guard index < bytes.count else { return 0 }
        defer { index += 1 }
        return bytes[index]
    }

    public mutating func bool() -> Bool { byte() & 1 == 1 }

    /// A number in `range`, from one byte (two when the range is wider than 256).
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let width = range.upperBound - range.lowerBound + 1
        var value = Int(byte())
        if width > 256 { value = value << 8 | Int(byte()) }
        return range.lowerBound + value % width
    }

    /// One of `options` (which must not be empty).
    public mutating func pick<T>(_ options: [T]) -> T {
        options[int(in: 0...(options.count - 1))]
    }

    /// A byte string of at most `maximum` bytes: a length, then that many bytes (fewer when exhausted).
    public mutating func bytes(upTo maximum: Int) -> [UInt8] {
        let count = int(in: 0...maximum)
        let end = min(bytes.count, index + count)
        defer { index = max(index, end) }
        return index < end ? Array(bytes[index..<end]) : []
    }

    /// A byte string of at most `maximum` bytes drawn from `alphabet` (for header values, boundaries
    /// and labels that must keep to a character set).
    public mutating func text(upTo maximum: Int, from alphabet: [UInt8]) -> String {
        String(decoding: bytes(upTo: maximum).map { alphabet[Int($0) % alphabet.count] }, as: UTF8.self)
    }

    /// Everything not read yet.
    public mutating func rest() -> [UInt8] {
        defer { index = bytes.count }
        return index < bytes.count ? Array(bytes[index...]) : []
    }
}

extension FuzzedBytes {
    /// Letters, digits and the punctuation URLs, identifiers and MIME tokens are made of.
    public static let tokenAlphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~".utf8)
    /// Printable ASCII without the characters that end or split a header line (for header values).
    public static let headerValueAlphabet = Array((0x20...0x7E).map(UInt8.init))
}
