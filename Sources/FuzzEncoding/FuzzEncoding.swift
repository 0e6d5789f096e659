import FuzzChecks
import FuzzSupport

// Fuzz target FuzzEncoding: the encoding sniffer and the decoder: whatever the bytes and the encoding, the output is valid UTF-8 without NULs, and valid input decodes to itself.
//
// Built by `Scripts/fuzz` with `-sanitize=fuzzer,address -D ENCX_FUZZING`, libFuzzer calls
// `LLVMFuzzerTestOneInput`. Built normally, the same check (EncodingCheck, in FuzzChecks) runs over files
// given on the command line, which replays a crash file without the fuzzing runtime:
// `swift run FuzzEncoding crash-…`.

#if ENCX_FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzReplay.runOne(data, size, check: EncodingCheck.check)
    return 0
}

@_cdecl("FuzzEncoding_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzReplay.fuzz(argc, argv, check: EncodingCheck.check)
}
#else
@main
struct FuzzEncodingReplay {
    static func main() { FuzzReplay.main(target: "FuzzEncoding", check: EncodingCheck.check) }
}
#endif
