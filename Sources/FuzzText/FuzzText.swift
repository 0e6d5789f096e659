import FuzzChecks
import FuzzSupport

// Fuzz target FuzzText: the ISBN scanner and codec, the retrieved-date parser and the phrase search on arbitrary strings.
//
// Built by `Scripts/fuzz` with `-sanitize=fuzzer,address -D ENCX_FUZZING`, libFuzzer calls
// `LLVMFuzzerTestOneInput`. Built normally, the same check (TextCheck, in FuzzChecks) runs over files
// given on the command line, which replays a crash file without the fuzzing runtime:
// `swift run FuzzText crash-…`.

#if ENCX_FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzReplay.runOne(data, size, check: TextCheck.check)
    return 0
}

@_cdecl("FuzzText_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzReplay.fuzz(argc, argv, check: TextCheck.check)
}
#else
@main
struct FuzzTextReplay {
    static func main() { FuzzReplay.main(target: "FuzzText", check: TextCheck.check) }
}
#endif
