import FuzzChecks
import FuzzSupport

// Fuzz target FuzzMHTML: the MHTML reader (MIME parts, boundaries, quoted-printable, base64, charsets) on arbitrary bytes, and messages built around a known page read back to that page.
//
// Built by `Scripts/fuzz` with `-sanitize=fuzzer,address -D ENCX_FUZZING`, libFuzzer calls
// `LLVMFuzzerTestOneInput`. Built normally, the same check (MHTMLCheck, in FuzzChecks) runs over files
// given on the command line, which replays a crash file without the fuzzing runtime:
// `swift run FuzzMHTML crash-…`.

#if ENCX_FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzReplay.runOne(data, size, check: MHTMLCheck.check)
    return 0
}

@_cdecl("FuzzMHTML_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzReplay.fuzz(argc, argv, check: MHTMLCheck.check)
}
#else
@main
struct FuzzMHTMLReplay {
    static func main() { FuzzReplay.main(target: "FuzzMHTML", check: MHTMLCheck.check) }
}
#endif
