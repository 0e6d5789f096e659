import FuzzChecks
import FuzzSupport

// Fuzz target FuzzExtract: bytes through parse, extract and every renderer; the article's JSON must read back as the same article.
//
// Built by `Scripts/fuzz` with `-sanitize=fuzzer,address -D ENCX_FUZZING`, libFuzzer calls
// `LLVMFuzzerTestOneInput`. Built normally, the same check (ExtractCheck, in FuzzChecks) runs over files
// given on the command line, which replays a crash file without the fuzzing runtime:
// `swift run FuzzExtract crash-…`.

#if ENCX_FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzReplay.runOne(data, size, check: ExtractCheck.check)
    return 0
}

@_cdecl("FuzzExtract_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzReplay.fuzz(argc, argv, check: ExtractCheck.check)
}
#else
@main
struct FuzzExtractReplay {
    static func main() { FuzzReplay.main(target: "FuzzExtract", check: ExtractCheck.check) }
}
#endif
