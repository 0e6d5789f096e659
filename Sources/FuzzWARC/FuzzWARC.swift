import FuzzChecks
import FuzzSupport

// Fuzz target FuzzWARC: the WARC reader on arbitrary files, and WARC files built from known records (plain, gzip per record, one gzip member; truncated or with a damaged member) read back to those records.
//
// Built by `Scripts/fuzz` with `-sanitize=fuzzer,address -D ENCX_FUZZING`, libFuzzer calls
// `LLVMFuzzerTestOneInput`. Built normally, the same check (WARCCheck, in FuzzChecks) runs over files
// given on the command line, which replays a crash file without the fuzzing runtime:
// `swift run FuzzWARC crash-…`.

#if ENCX_FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzReplay.runOne(data, size, check: WARCCheck.check)
    return 0
}

@_cdecl("FuzzWARC_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzReplay.fuzz(argc, argv, check: WARCCheck.check)
}
#else
import Foundation

@main
struct FuzzWARCReplay {
    /// `FuzzWARC --list FILE...` prints what the reader finds in each file as JSON Lines (for
    /// Scripts/warc-differential, which compares it with warcio); `FuzzWARC --recipe INPUT OUTPUT` writes
    /// the WARC file a fuzz input describes; otherwise the files are replayed.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "--recipe", arguments.count == 3, let input = FileManager.default.contents(atPath: arguments[1]) {
            let written = FileManager.default.createFile(atPath: arguments[2], contents: Data(WARCCheck.recipeFile([UInt8](input))))
            exit(written ? 0 : 1)
        }
        if arguments.first == "--list" {
            for path in arguments.dropFirst() { print(WARCListing.jsonLines(path: path), terminator: "") }
            exit(0)
        }
        FuzzReplay.main(target: "FuzzWARC", check: WARCCheck.check)
    }
}
#endif
