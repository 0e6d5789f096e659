/// Reads the `<!-- saved from url=(0052)http://… -->` comment that Internet Explorer and other
/// browsers write at the top of a page saved with "Save Page As".
enum SavedFromComment {
    /// How far into the input the comment is looked for: it sits on the first line or just after
    /// the DOCTYPE, well within this.
    static let searchWindow = 2048

    /// The saved-from URL in the first bytes of `utf8`, or nil.
    static func url(in utf8: [UInt8]) -> String? {
        let window = utf8.prefix(searchWindow)
        let marker = Array("saved from url=(".utf8)
        guard let start = firstRange(of: marker, in: window) else { return nil }
        var index = start + marker.count
        while index < window.endIndex, window[index] >= UInt8(ascii: "0"), window[index] <= UInt8(ascii: "9") {
            index += 1
        }
        guard index < window.endIndex, window[index] == UInt8(ascii: ")") else { return nil }
        index += 1
        var urlBytes: [UInt8] = []
        while index < window.endIndex, window[index] > 0x20,
            !(window[index] == UInt8(ascii: "-") && index + 1 < window.endIndex && window[index + 1] == UInt8(ascii: "-"))
        {
            urlBytes.append(window[index])
            index += 1
        }
        // The number in parentheses is meant to be the URL's length, but hand-edited and re-saved
        // pages get it wrong; the URL runs to the first space or the comment's end instead.
        guard !urlBytes.isEmpty else { return nil }
        return String(decoding: urlBytes, as: UTF8.self)
    }

    /// Where `marker` first occurs in `bytes`.
    static func firstRange(of marker: [UInt8], in bytes: ArraySlice<UInt8>) -> Int? {
        guard !marker.isEmpty else { return nil }
        return bytes.withUnsafeBufferPointer { haystack in
            marker.withUnsafeBufferPointer { needle in ByteSearch.firstOffset(of: needle, in: haystack) }
        }.map { bytes.startIndex + $0 }
    }
}
