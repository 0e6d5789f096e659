import EncyclopediaExtractor
import Foundation
import HTMLTree
#if ENCX_FUZZING
import CFuzzerDriver
#endif

/// Fuzz target: the ISBN scanner, the ISBN codec, the retrieved-date parser and the phrase search on
/// arbitrary strings. Built and replayed like FuzzExtract (see there).
enum FuzzText {
    /// Phrase sets of each kind the search treats apart: sieved sets (the licence anchors, the ISBN and
    /// date cues, short phrases), a set with a one-byte phrase (skipping search only) and one whose
    /// bytes rule the sieve out ("©").
    static let phraseSets: [(phrases: [[UInt8]], set: PhraseSet)] = [
        ["sourced", "assembled", "agree", "trademark", "sharealike", "issued", "documentation", "copyright", "sponsored", "non-profit"],
        ["isbn"], ["retrieved", "accessed"], ["ab", "b", "ba"], ["copyright © world library foundation", "isbn", "sbn"],
        ["© world", "isbn"],
    ].map { phrases in (phrases.map { Array($0.utf8) }, PhraseSet(phrases)) }

    static func check(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        for (phrases, set) in phraseSets {
            // The search finds the match a plain search at every position finds.
            let found = bytes.withUnsafeBufferPointer { set.firstMatch(inBytes: $0) }
            let expected = plainSearch(phrases, in: bytes)
            precondition(found?.phrase == expected?.phrase && found?.offset == expected?.offset,
                          "phrase search found \(String(describing: found)), a plain search \(String(describing: expected))")
        }
        for written in ISBNScanner.writtenISBNs(in: text) {
            // Whatever the scanner reports must be a candidate the codec can judge.
            guard let record = ISBNCodec.record(forWritten: written) else { continue }
            if record.valid {
                precondition(ISBNCodec.isValidISBN13(record.isbn13 ?? ""), "valid ISBN without a valid ISBN-13: \(written)")
                if let isbn10 = record.isbn10 {
                    precondition(ISBNCodec.isbn13(fromISBN10: isbn10) == record.isbn13, "ISBN-10 and ISBN-13 disagree: \(written)")
                }
            }
        }
        _ = ISBNScanner.bookSourcesISBN(inLink: text)
        if let compact = ISBNCodec.compact(text) {
            if compact.count == 10, ISBNCodec.isValidISBN10(compact) {
                precondition(ISBNCodec.isValidISBN13(ISBNCodec.isbn13(fromISBN10: compact)))
            }
            if compact.count == 13, ISBNCodec.isValidISBN13(compact), let isbn10 = ISBNCodec.isbn10(fromISBN13: compact) {
                precondition(ISBNCodec.isValidISBN10(isbn10) && ISBNCodec.isbn13(fromISBN10: isbn10) == compact)
            }
        }
        for date in [RetrievedDate.isoDate(in: text), RetrievedDate.parseDate(text)].compactMap({ $0 }) {
            // A parsed date is always a real calendar date written YYYY-MM-DD.
            let parts = date.split(separator: "-")
            precondition(parts.count == 3 && parts[0].count == 4 && parts[1].count == 2 && parts[2].count == 2, "malformed date \(date)")
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

#if ENCX_FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTextOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzText.check(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

/// SwiftPM points `main` at `FuzzText_main`; hand control to libFuzzer from there.
@_cdecl("FuzzText_main")
public func fuzzTextMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in
        guard let data else { return 0 }
        return fuzzTextOneInput(data, size)
    }
}
#else
import FuzzSupport

@main
struct FuzzTextReplay {
    static func main() { FuzzReplay.main(target: "FuzzText", check: FuzzText.check) }
}
#endif
