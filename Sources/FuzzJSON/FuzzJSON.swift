import FuzzChecks
import FuzzSupport
#if ENCX_FUZZING
import CFuzzerDriver
#endif

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

/// SwiftPM points `main` at `FuzzJSON_main`; hand control to libFuzzer from there.
@_cdecl("FuzzJSON_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in
        guard let data else { return 0 }
        return fuzzOneInput(data, size)
    }
}
#else
@main
struct FuzzJSONReplay {
    static func main() { FuzzReplay.main(target: "FuzzJSON", check: JSONCheck.check) }
}
#endif
