import Foundation
#if ENCX_FUZZING
import CFuzzerDriver
#endif

/// A broken invariant: what a fuzz check found, in words.
public struct InvariantFailure: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// Throws ``InvariantFailure`` with `message` when `condition` is false.
@inlinable
public func require(_ condition: Bool, _ message: @autoclosure () -> String) throws(InvariantFailure) {
    if !condition { throw InvariantFailure(message()) }
}

/// What the fuzz targets share: running one input for libFuzzer, and replaying saved inputs when built
/// normally.
public enum FuzzReplay {
    /// Runs `check` on one input from libFuzzer; a broken invariant stops the process (libFuzzer saves
    /// the input as a crash artifact).
    public static func runOne(_ data: UnsafePointer<UInt8>, _ size: Int,
                              check: ([UInt8]) throws(InvariantFailure) -> Void)
    {
        do {
            try check(Array(UnsafeBufferPointer(start: data, count: size)))
        } catch {
            fatalError("invariant broken: \(error)")
        }
    }

    /// Runs `check` over every file named on the command line (a crash file from libFuzzer, a seed),
    /// printing "ok PATH" for each; exits 2 without arguments, 1 on an unreadable file or a broken
    /// invariant.
    public static func main(target: String, check: ([UInt8]) throws(InvariantFailure) -> Void) -> Never {
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
            do {
                try check([UInt8](data))
            } catch {
                FileHandle.standardError.write(Data("\(target): \(path): invariant broken: \(error)\n".utf8))
                exit(1)
            }
            print("ok \(path)")
        }
        exit(0)
    }
}

#if ENCX_FUZZING
/// The check libFuzzer's callback runs: set once by ``FuzzReplay/fuzz(_:_:check:)`` before the driver
/// starts, only read after (libFuzzer runs inputs on the thread that called it).
nonisolated(unsafe) private var installedCheck: (([UInt8]) throws(InvariantFailure) -> Void)?

extension FuzzReplay {
    /// Hands control to libFuzzer with `check` as the target: what a target's `<Target>_main` returns
    /// (SwiftPM names an executable's entry so and points `main` at it).
    public static func fuzz(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
                            check: @escaping ([UInt8]) throws(InvariantFailure) -> Void) -> CInt
    {
        installedCheck = check
        var count = argc
        var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
        return LLVMFuzzerRunDriver(&count, &arguments) { data, size in
            guard let data, let check = installedCheck else { return 0 }
            FuzzReplay.runOne(data, size, check: check)
            return 0
        }
    }
}
#endif
