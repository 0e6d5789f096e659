import EncyclopediaExtractor
import Foundation
#if ENCX_FUZZING
import CFuzzerDriver
#endif
import HTMLTree

/// Fuzz target: arbitrary bytes through parse, extract and every renderer.
///
/// Built by `Scripts/fuzz` with `-sanitize=fuzzer,address -D ENCX_FUZZING`, libFuzzer calls
/// `LLVMFuzzerTestOneInput`. Built normally, the same check runs over files given on the command line,
/// which replays a crash file without the fuzzing runtime: `swift run FuzzExtract crash-…`.
enum FuzzExtract {
    static let extractor = Extractor()
    static let deepExtractor = Extractor(ExtractionOptions(parse: ParseOptions(allowsDeepNesting: true), repairStructure: false))

    static func check(_ bytes: [UInt8]) {
        // Odd-sized inputs also go through the other options, so both paths are explored.
        let extractors = bytes.count % 2 == 1 ? [extractor, deepExtractor] : [extractor]
        for extractor in extractors {
            let article: Article
            do {
                article = try extractor.extractWithReport(html: bytes, url: nil, input: "fuzz").article
            } catch {
                // A typed error is an accepted outcome; it must still describe itself.
                precondition(!error.description.isEmpty && !error.code.rawValue.isEmpty)
                continue
            }
            do {
                // The JSON must read back as the same article.
                let json = try ArticleJSON.pretty(article)
                let decoded = try ArticleJSON.decode(json)
                precondition(decoded == article, "the article's JSON does not read back as the same article")
                _ = try ArticleJSON.line(article)
            } catch {
                preconditionFailure("rendering JSON failed: \(error)")
            }
            _ = MarkdownRenderer.render(article)
            _ = PlainTextRenderer.render(article)
        }
    }
}

#if ENCX_FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExtractOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzExtract.check(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

/// SwiftPM points `main` at `FuzzExtract_main`; hand control to libFuzzer from there.
@_cdecl("FuzzExtract_main")
public func fuzzExtractMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in
        guard let data else { return 0 }
        return fuzzExtractOneInput(data, size)
    }
}
#else
import FuzzSupport

@main
struct FuzzExtractReplay {
    static func main() { FuzzReplay.main(target: "FuzzExtract", check: FuzzExtract.check) }
}
#endif
