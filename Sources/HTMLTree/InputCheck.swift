/// Refuses inputs that cannot be an HTML page before any decoding or parsing is spent on them.
enum InputCheck {
    /// Signatures of binary formats that turn up mislabelled as `.html` in crawls and downloads.
    /// Each is the format's documented magic number at offset 0.
    static let binarySignatures: [(kind: String, magic: [UInt8])] = [
        ("a PNG image", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ("a PDF document", Array("%PDF-".utf8)),
        ("a ZIP archive", [0x50, 0x4B, 0x03, 0x04]),
        ("an empty ZIP archive", [0x50, 0x4B, 0x05, 0x06]),
        ("a gzip stream; decompress it or name the file .gz", [0x1F, 0x8B]),
        ("a GIF image", Array("GIF8".utf8)),
        ("a JPEG image", [0xFF, 0xD8, 0xFF]),
        ("an ELF executable", [0x7F, 0x45, 0x4C, 0x46]),
        ("a 7-Zip archive", [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]),
        ("a RAR archive", Array("Rar!".utf8)),
        ("a bzip2 stream", Array("BZh".utf8)),
        ("an xz stream", [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]),
        ("a Microsoft Office (OLE) document", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]),
    ]

    /// How a WARC file opens (after any blank lines, which WARC readers skip). A web archive holds pages,
    /// it is not one: read as a page, its record headers and HTTP framing became an article's text. (A
    /// .warc.gz given as a page is inflated first, then meets this.)
    static let warcSignature = Array("WARC/".utf8)

    /// Throws when `bytes` are empty, blank, too large, or a known binary format.
    static func check(_ bytes: UnsafeRawBufferPointer, input: String, options: ParseOptions) throws(DocumentError) {
        if bytes.isEmpty { throw DocumentError(input: input, reason: .empty) }
        if bytes.count > options.maximumInputSize {
            throw DocumentError(input: input, reason: .tooLarge(size: bytes.count, limit: options.maximumInputSize))
        }
        for signature in binarySignatures where bytes.count >= signature.magic.count {
            if zip(bytes, signature.magic).allSatisfy({ $0 == $1 }) {
                throw DocumentError(input: input, reason: .notHTML(kind: signature.kind))
            }
        }
        let blankLines = bytes.prefix { $0 == 0x0D || $0 == 0x0A }.count
        if bytes[blankLines...].starts(with: warcSignature) {
            throw DocumentError(input: input, reason: .notHTML(kind: "a WARC file; read it record by record with WARCReader or 'encx convert FILE.warc'"))
        }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x0C }) {
            throw DocumentError(input: input, reason: .whitespaceOnly)
        }
    }

    /// The share of control characters (other than tab, CR, LF, FF) and U+FFFD among the first
    /// characters of decoded text above which the input is called binary. Real pages, even mangled
    /// ones, stay far below 1%; binary formats without a known signature run to 20–60%.
    static let binaryCharacterShare = 0.10
    /// How many decoded bytes the binary check looks at.
    static let binaryCheckWindow = 8192

    /// The control characters text may hold (tab, line feed, form feed, carriage return), as bits.
    private static let allowedControls: UInt32 = 1 << 0x09 | 1 << 0x0A | 1 << 0x0C | 1 << 0x0D

    /// Throws when decoded text looks like binary data (no markup, or too many control characters).
    static func checkDecoded(_ utf8: [UInt8], input: String) throws(DocumentError) {
        let (controls, characters) = utf8.withUnsafeBufferPointer { all in
            let window = UnsafeBufferPointer(rebasing: all.prefix(binaryCheckWindow))
            var controls = 0
            var characters = 0
            /// Counts bytes `start..<end` one by one.
            func countEach(_ start: Int, _ end: Int) {
                for index in start..<end {
                    let byte = window[index]
                    // Without branches: nearly every byte is neither a control nor the start of U+FFFD.
                    characters &+= byte & 0xC0 != 0x80 ? 1 : 0
                    controls &+= byte < 0x20 && (Self.allowedControls >> byte) & 1 == 0 ? 1 : 0
                    if byte == 0xEF, index + 2 < window.count, window[index + 1] == 0xBF, window[index + 2] == 0xBD {
                        controls += 1
                    }
                }
            }
            var index = 0
            if let base = window.baseAddress {
                let space = SIMD16<UInt8>(repeating: 0x20)
                let lead = SIMD16<UInt8>(repeating: 0xEF)
                let continuationMask = SIMD16<UInt8>(repeating: 0xC0)
                let continuation = SIMD16<UInt8>(repeating: 0x80)
                // Sixteen bytes at a time; a block holding a byte below 0x20 (a line break, say) or 0xEF
                // (the start of U+FFFD) is counted byte by byte.
                while index + 16 <= window.count {
                    let bytes = UnsafeRawPointer(base + index).loadUnaligned(as: SIMD16<UInt8>.self)
                    if any((bytes .< space) .| (bytes .== lead)) {
                        countEach(index, index + 16)
                    } else {
                        // Every byte that is not a continuation byte starts a character.
                        characters &+= 16 - ByteVector.count(bytes & continuationMask .== continuation)
                    }
                    index &+= 16
                }
            }
            countEach(index, window.count)
            return (controls, characters)
        }
        if characters > 0 && Double(controls) / Double(characters) > binaryCharacterShare {
            throw DocumentError(input: input, reason: .undecodable(
                detail: "\(controls) of the first \(characters) characters are control or replacement characters"))
        }
        if !utf8.contains(UInt8(ascii: "<")) {
            throw DocumentError(input: input, reason: .notHTML(kind: "plain text without any markup"))
        }
    }
}
