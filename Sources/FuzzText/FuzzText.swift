import EncyclopediaExtractor
import Foundation
#if ENCX_FUZZING
import CFuzzerDriver
#endif

/// Fuzz target: the ISBN scanner, the ISBN codec and the retrieved-date parser on arbitrary strings.
/// Built and replayed like FuzzExtract (see there).
enum FuzzText {
    static func check(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
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
