import FuzzChecks
import FuzzSupport

// Fuzz target FuzzHTTP: the HTTP response parser (status line, header fields, chunked, gzip and deflate) on arbitrary bytes, and responses built from known parts read back to those parts.
//
// Built by `Scripts/fuzz` with `-sanitize=fuzzer,address -D ENCX_FUZZING`, libFuzzer calls
// `LLVMFuzzerTestOneInput`. Built normally, the same check (HTTPCheck, in FuzzChecks) runs over files
// given on the command line, which replays a crash file without the fuzzing runtime:
// `swift run FuzzHTTP crash-…`.

#if ENCX_FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzReplay.runOne(data, size, check: HTTPCheck.check)
    return 0
}

@_cdecl("FuzzHTTP_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzReplay.fuzz(argc, argv, check: HTTPCheck.check)
}
#else
@main
struct FuzzHTTPReplay {
    static func main() { FuzzReplay.main(target: "FuzzHTTP", check: HTTPCheck.check) }
}
#endif
