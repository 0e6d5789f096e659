import Foundation

/// What the fuzz targets share: replaying saved inputs when built normally.
public enum FuzzReplay {
    /// Runs `check` over every file named on the command line (a crash file from libFuzzer, a seed),
    /// printing "ok PATH" for each; exits 2 without arguments and 1 on an unreadable file.
    public static func main(target: String, check: ([UInt8]) -> Void) -> Never {
        let paths = CommandLine.arguments.dropFirst()
        if paths.isEmpty {
            FileHandle.standardError.write(Data("usage: \(target) FILE... (replays inputs through the fuzz check)\n".utf8))
            exit(2)
        }
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("\(target): cannot read \(path)\n".utf8))
                exit(1)
            }
            check([UInt8](data))
            print("ok \(path)")
        }
        exit(0)
    }
}
