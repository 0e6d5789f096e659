import FuzzChecks
import FuzzSupport

// Fuzz target FuzzJSON: ArticleDiff's JSON parser and diff: parsed JSON written out reads back equal, a diff of a value with itself is empty, and the parser accepts what Foundation's does.
//
// Built by `Scripts/fuzz` with `-sanitize=fuzzer,address -D ENCX_FUZZING`, libFuzzer calls
// `LLVMFuzzerTestOneInput`. Built normally, the same check (JSONCheck, in FuzzChecks) runs over files
// given on the command line, which replays a crash file without the fuzzing runtime:
// `swift run FuzzJSON crash-…`.

#if ENCX_FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzReplay.runOne(data, size, check: JSONCheck.check)
    return 0
}

@_cdecl("FuzzJSON_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzReplay.fuzz(argc, argv, check: JSONCheck.check)
}
#else
@main
struct FuzzJSONReplay {
    static func main() { FuzzReplay.main(target: "FuzzJSON", check: JSONCheck.check) }
}
#endif
