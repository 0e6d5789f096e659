import Foundation

/// A parsed JSON value, compared structurally (object key order never matters).
public indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Parses JSON bytes.
    /// - Throws: ``JSONParseError`` with the byte offset of the problem.
    public init(parsing data: Data) throws {
        var parser = JSONParser(bytes: [UInt8](data))
        self = try parser.parseDocument()
    }

    /// Encodes any `Encodable` value (an `Article`, say) and parses it back as a JSON value.
    public init(encoding value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try self.init(parsing: encoder.encode(value))
    }

    /// A short rendering for messages: strings quoted, containers summarised.
    var summary: String {
        switch self {
        case .null: return "null"
        case let .bool(value): return value ? "true" : "false"
        case let .number(value):
            return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        case let .string(value): return "\"" + Self.clip(value) + "\""
        case let .array(values): return "[\(values.count) item\(values.count == 1 ? "" : "s")]"
        case let .object(fields):
            for key in ["isbn13", "title", "text", "code", "label", "caption", "name"] {
                if let value = fields[key], case .string = value { return "{\(key): \(value.summary)}" }
            }
            return "{\(fields.keys.sorted().prefix(4).joined(separator: ", "))}"
        }
    }

    /// The longest string shown whole in a message.
    static let clipLength = 80

    static func clip(_ text: String) -> String {
        text.count <= clipLength ? text : String(text.prefix(clipLength)) + "…"
    }
}
