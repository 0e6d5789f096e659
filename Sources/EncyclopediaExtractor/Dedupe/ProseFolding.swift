/// What the fingerprint makes of a non-ASCII character: a compatibility and case folding in the spirit
/// of NFKC with lower case, kept to tables so it costs nothing on ASCII text. It needs to be the same
/// for every copy of an article, not to be complete: characters it does not know are kept as they are.
enum ProseFolding {
    enum Outcome: Equatable {
        /// Ends a word (punctuation, symbols, spaces of every kind).
        case separator
        /// Dropped without ending a word (combining marks, zero-width and format characters).
        case ignored
        /// A letter or digit kept as written.
        case keep
        /// A letter written as these bytes (packed little-endian, `count` of them).
        case replace(UInt64, count: Int)
        /// A full-width form of this ASCII byte.
        case ascii(UInt8)
        /// A word by itself (Han, kana, hangul).
        case wordOfItsOwn
    }

    static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }

    /// Latin-1 and Latin Extended-A letters (U+00C0–U+017F) as lower-case ASCII without accents; "" for
    /// the two signs among them (× and ÷).
    private static let latin: [String] = {
        let table = """
            a a a a a a ae c e e e e i i i i d n o o o o o _ o u u u u y th ss \
            a a a a a a ae c e e e e i i i i d n o o o o o _ o u u u u y th y \
            a a a a a a c c c c c c c c d d d d e e e e e e e e e e g g g g g g g g h h h h \
            i i i i i i i i i i ij ij j j k k k l l l l l l l l l l n n n n n n n n n o o o o o o oe oe \
            r r r r r r s s s s s s s s t t t t t t u u u u u u u u u u u u w w y y y z z z z z z s
            """
        return table.split(separator: " ").map { $0 == "_" ? "" : String($0) }
    }()

    private static let latinBits: [(bits: UInt64, count: Int)] = latin.map { text in
        var bits: UInt64 = 0
        for (k, byte) in text.utf8.enumerated() { bits |= UInt64(byte) << UInt64(k * 8) }
        return (bits, text.utf8.count)
    }

    /// Packs a scalar below U+0800 as its two UTF-8 bytes.
    private static func twoBytes(_ scalar: UInt32) -> Outcome {
        .replace(UInt64(0xC0 | scalar >> 6) | UInt64(0x80 | scalar & 0x3F) << 8, count: 2)
    }

    static func fold(_ scalar: UInt32) -> Outcome {
        switch scalar {
        case 0x80...0xBF:
            switch scalar {
            case 0xAA: return .replace(0x61, count: 1)          // ª
            case 0xBA: return .replace(0x6F, count: 1)          // º
            case 0xB2: return .replace(0x32, count: 1)          // ²
            case 0xB3: return .replace(0x33, count: 1)          // ³
            case 0xB9: return .replace(0x31, count: 1)          // ¹
            case 0xB5: return twoBytes(0x3BC)                   // µ → μ
            case 0xAD: return .ignored                          // soft hyphen
            default: return .separator
            }
        case 0xC0...0x17F:
            let entry = latinBits[Int(scalar - 0xC0)]
            return entry.count == 0 ? .separator : .replace(entry.bits, count: entry.count)
        case 0x300...0x36F:
            return .ignored
        case 0x391...0x3A9:
            return twoBytes(scalar + 0x20)                      // Greek capitals
        case 0x400...0x40F:
            return twoBytes(scalar + 0x50)                      // Cyrillic Ѐ…Џ
        case 0x410...0x42F:
            return twoBytes(scalar + 0x20)                      // Cyrillic А…Я
        case 0x37E, 0x387, 0x55A...0x55F, 0x589, 0x5BE, 0x5C0, 0x5C3, 0x5F3, 0x5F4, 0x60C, 0x61B, 0x61F, 0x66A...0x66D, 0x6D4:
            return .separator                                   // Greek, Armenian, Hebrew, Arabic punctuation
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0xFE00...0xFE0F, 0xFEFF:
            return .ignored                                     // zero-width and direction marks
        case 0x2000...0x206F, 0x20A0...0x20CF, 0x2100...0x2BFF, 0x2E00...0x2E7F, 0x3000...0x303F, 0xFFFD:
            return .separator                                   // punctuation, currency, symbols, arrows, CJK punctuation
        case 0xFF01...0xFF5E:
            return .ascii(UInt8(scalar - 0xFEE0))               // full-width ASCII
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF:
            return .wordOfItsOwn
        case 0x1F000...0x1FAFF:
            return .separator                                   // emoji and pictographs
        default:
            return .keep
        }
    }
}
