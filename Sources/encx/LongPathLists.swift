import ArgumentParser
import Foundation

/// A command whose positional arguments are a list of paths (`convert`, `dedupe`, `verify`).
protocol PathListCommand: ParsableCommand {
    var paths: [String] { get set }
}

extension Convert: PathListCommand {
    var paths: [String] {
        get { inputs }
        set { inputs = newValue }
    }
}

extension Dedupe: PathListCommand {
    var paths: [String] {
        get { inputs }
        set { inputs = newValue }
    }
}

extension Verify: PathListCommand {}

/// Parsing a command line that names many paths (a shell glob over a folder of pages) in time that
/// grows with the number of paths, not with its square.
///
/// ArgumentParser stores each value of a repeated positional argument by copying every value and
/// input position stored before it: 2,500 paths took 0.2 s to parse and 10,000 took 3 s before the
/// first page was read. So when a path-list command names more than ``foldingThreshold`` paths, the
/// parser is given the command line with its options and only the first path; the other paths are
/// found here, with the option table the parser itself publishes (which options take a value), and put
/// back in their order before the command is validated again with all of them.
///
/// Nothing is guessed: a command line this reading cannot classify exactly (an unknown option, a group
/// of short options taking a value, an option that takes several values), or whose folded parse does not
/// give exactly the path kept, is parsed whole by ArgumentParser, as is every error (so messages and
/// exit statuses are the parser's own).
enum LongPathLists {
    /// Up to this many paths the command line is parsed as it is: reading the parser's option table
    /// costs about as much as parsing 150 paths (9 M instructions), and 200 cost 39 M unfolded, 32 M
    /// folded.
    static let foldingThreshold = 200

    /// Parses `arguments` (without the program name) as `encx` does.
    static func parseAsRoot(_ arguments: [String]) throws -> any ParsableCommand {
        guard let folding = Folding(arguments) else { return try Encx.parseAsRoot(arguments) }
        do {
            guard var command = try Encx.parseAsRoot(folding.folded) as? any PathListCommand,
                command.paths == [folding.paths[0]]
            else { return try Encx.parseAsRoot(arguments) }
            command.paths = folding.paths
            try command.validate()
            return command
        } catch {
            // The parser's own verdict, worded as it words it.
            return try Encx.parseAsRoot(arguments)
        }
    }

    /// A command line with its paths taken out but the first.
    struct Folding {
        /// What the parser is given.
        let folded: [String]
        /// Every path, in the order given.
        let paths: [String]

        /// Nil when the command line is not a path-list command's, names few paths, or holds anything
        /// this reading cannot classify exactly.
        init?(_ arguments: [String]) {
            // The count first: the conformance test after it scans the binary's conformance records,
            // which every run would otherwise pay at start-up.
            guard arguments.count > LongPathLists.foldingThreshold, let name = arguments.first,
                let type = Encx.configuration.subcommands.first(where: { $0.configuration.commandName == name }),
                type is any PathListCommand.Type,
                let options = OptionTable(type)
            else { return nil }
            var folded = [name]
            var paths: [String] = []
            var afterTerminator = false
            var index = 1
            while index < arguments.count {
                let token = arguments[index]
                index += 1
                if afterTerminator || Self.isValue(token) {
                    if paths.isEmpty { folded.append(token) }
                    paths.append(token)
                    continue
                }
                folded.append(token)
                if token == "--" {
                    afterTerminator = true
                    continue
                }
                switch options.takesValue(token) {
                case nil:
                    return nil
                case .some(false):
                    continue
                case .some(true):
                    // The option's value: the next argument, which must look like a value unless the
                    // option takes any (a negative number of jobs, say).
                    guard index < arguments.count else { return nil }
                    let value = arguments[index]
                    guard Self.isValue(value) || options.takesAnyValue(token) else { return nil }
                    folded.append(value)
                    index += 1
                }
            }
            guard paths.count > LongPathLists.foldingThreshold else { return nil }
            self.folded = folded
            self.paths = paths
        }

        /// A path or a value, not an option: "-" (standard input) or anything not starting with "-".
        static func isValue(_ token: String) -> Bool {
            token == "-" || !token.hasPrefix("-")
        }
    }

    /// Which options of a command take a value, as ArgumentParser describes the command
    /// (`--experimental-dump-help`).
    struct OptionTable {
        /// Options taking one value, by spelling ("--output", "-o"), and whether the value may start
        /// with "-" (the parser's `unconditional` strategy).
        private var valued: [String: Bool] = [:]
        /// Flags, by spelling.
        private var flags: Set<String> = []

        /// Nil when the command has options this reading does not handle (one taking several values, or
        /// a value found further on), or more than the one positional list.
        init?(_ type: any ParsableCommand.Type) {
            guard let description = try? JSONDecoder().decode(Description.self, from: Data(type._dumpHelp().utf8)) else { return nil }
            var positionals = 0
            for argument in description.command.arguments ?? [] {
                let spellings = (argument.names ?? []).map { name in
                    switch name.kind {
                    case "long": "--" + name.name
                    case "short": "-" + name.name
                    default: "-" + name.name // longWithSingleDash
                    }
                }
                switch argument.kind {
                case "positional":
                    positionals += 1
                    guard argument.isRepeating == true, argument.parsingStrategy == "default" else { return nil }
                case "option":
                    let anyValue: Bool
                    switch argument.parsingStrategy {
                    case "default": anyValue = false
                    case "unconditional": anyValue = true
                    default: return nil
                    }
                    for spelling in spellings { valued[spelling] = anyValue }
                case "flag":
                    flags.formUnion(spellings)
                default:
                    return nil
                }
            }
            guard positionals == 1 else { return nil }
        }

        /// Whether the option `token` takes a value; nil for a spelling the command does not have, or
        /// one this reading does not take apart (`-qo`, `-o=x`).
        func takesValue(_ token: String) -> Bool? {
            if token.hasPrefix("--"), let equals = token.firstIndex(of: "=") {
                // "--output=all.jsonl": the value is in the argument.
                return valued[String(token[..<equals])] != nil ? false : nil
            }
            if valued[token] != nil { return true }
            return flags.contains(token) ? false : nil
        }

        /// True when the option's value may start with "-".
        func takesAnyValue(_ token: String) -> Bool {
            valued[token] ?? false
        }

        private struct Description: Decodable {
            let command: Command
            struct Command: Decodable {
                let arguments: [Argument]?
            }
            struct Argument: Decodable {
                let kind: String
                let names: [Name]?
                let isRepeating: Bool?
                let parsingStrategy: String?
            }
            struct Name: Decodable {
                let kind: String
                let name: String
            }
        }
    }
}
