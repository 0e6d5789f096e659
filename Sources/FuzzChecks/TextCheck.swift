import EncyclopediaExtractor
import Foundation
import FuzzSupport
import HTMLTree

/// FuzzText: the ISBN scanner, the ISBN codec, the retrieved-date parser and the phrase search on
/// arbitrary strings.
public enum TextCheck {
    /// Phrase sets of each kind the search treats apart: sieved sets (the licence anchors, the ISBN and
    /// date cues, short phrases), a set with a one-byte phrase (skipping search only) and one whose
    /// bytes rule the sieve out ("©").
    static let phraseSets: [(phrases: [[UInt8]], set: PhraseSet)] = [
        ["sourced", "assembled", "agree", "trademark", "sharealike", "issued", "documentation", "copyright", "sponsored", "non-profit"],
        ["isbn"], ["retrieved", "accessed"], ["ab", "b", "ba"], ["copyright © world library foundation", "isbn", "sbn"],
        ["© world", "isbn"],
    ].map { phrases in (phrases.map { Array($0.utf8) }, PhraseSet(phrases)) }

    public static func check(_ bytes: [UInt8]) throws(InvariantFailure) {
        let text = String(decoding: bytes, as: UTF8.self)
        for (phrases, set) in phraseSets {
            // The search finds the match a plain search at every position finds.
            let found = bytes.withUnsafeBufferPointer { set.firstMatch(inBytes: $0) }
            let expected = plainSearch(phrases, in: bytes)
            try require(found?.phrase == expected?.phrase && found?.offset == expected?.offset,
                        "phrase search found \(String(describing: found)), a plain search \(String(describing: expected))")
        }
        for written in ISBNScanner.writtenISBNs(in: text) {
            // Whatever the scanner reports must be a candidate the codec can judge.
            guard let record = ISBNCodec.record(forWritten: written) else { continue }
            if record.valid {
                try require(ISBNCodec.isValidISBN13(record.isbn13 ?? ""), "valid ISBN without a valid ISBN-13: \(written)")
                if let isbn10 = record.isbn10 {
                    try require(ISBNCodec.isbn13(fromISBN10: isbn10) == record.isbn13, "ISBN-10 and ISBN-13 disagree: \(written)")
                }
            }
        }
        _ = ISBNScanner.bookSourcesISBN(inLink: text)
        if let compact = ISBNCodec.compact(text) {
            if compact.count == 10, ISBNCodec.isValidISBN10(compact) {
                try require(ISBNCodec.isValidISBN13(ISBNCodec.isbn13(fromISBN10: compact)), "\(compact): its ISBN-13 is not valid")
            }
            if compact.count == 13, ISBNCodec.isValidISBN13(compact), let isbn10 = ISBNCodec.isbn10(fromISBN13: compact) {
                try require(ISBNCodec.isValidISBN10(isbn10) && ISBNCodec.isbn13(fromISBN10: isbn10) == compact,
                            "\(compact): its ISBN-10 \(isbn10) is not valid or does not convert back")
            }
        }
        // The native trimming the readers use trims exactly what Foundation's character sets hold.
        try require(text.trimmingSpaces() == text.trimmingCharacters(in: .whitespaces), "trimmingSpaces differs from Foundation's .whitespaces")
        try require(text.trimmingSpacesAndNewlines() == text.trimmingCharacters(in: .whitespacesAndNewlines),
                    "trimmingSpacesAndNewlines differs from Foundation's .whitespacesAndNewlines")
        for date in [RetrievedDate.isoDate(in: text), RetrievedDate.parseDate(text)].compactMap({ $0 }) {
            // A parsed date is always a real calendar date written YYYY-MM-DD.
            let parts = date.split(separator: "-")
            try require(parts.count == 3 && parts[0].count == 4 && parts[1].count == 2 && parts[2].count == 2, "malformed date \(date)")
        }
    }

    /// The earliest offset holding a phrase (ASCII letters in either case), the first phrase in list order there.
    static func plainSearch(_ phrases: [[UInt8]], in bytes: [UInt8]) -> (phrase: Int, offset: Int)? {
        func folded(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }
        for offset in bytes.indices {
            for (index, phrase) in phrases.enumerated() where offset + phrase.count <= bytes.count {
                if phrase.indices.allSatisfy({ folded(bytes[offset + $0]) == phrase[$0] }) { return (index, offset) }
            }
        }
        return nil
    }
}
