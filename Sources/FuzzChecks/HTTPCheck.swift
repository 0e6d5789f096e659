import EncyclopediaExtractor
import FuzzSupport
import HTMLTree

/// FuzzHTTP: the HTTP response parser, the de-chunker and gzip on the input as it is, then a response
/// the input describes (``HTTPRecipe``), which must read back to its parts.
public enum HTTPCheck {
    /// The payload limit the checks read with: small, so that payloads inflating past it are common.
    static let payloadLimit = 4096

    public static func check(_ bytes: [UInt8]) throws(InvariantFailure) {
        try parsesAnyBytes(bytes)
        var input = FuzzedBytes(bytes)
        let limit = input.int(in: 0...3) == 0 ? input.int(in: 0...1023) : payloadLimit
        let recipe = HTTPRecipe(&input, html: input.bool(), maximumPayloadSize: limit)
        try readsBack(recipe, maximumPayloadSize: limit)
        try gzipRoundTrip(input.rest())
    }

    /// Any bytes: a typed error or a response within the limits; de-chunking and inflating never grow
    /// past what they may.
    static func parsesAnyBytes(_ bytes: [UInt8]) throws(InvariantFailure) {
        switch Result(catching: { () throws(HTTPPayloadError) in try HTTPResponse(bytes, maximumPayloadSize: payloadLimit) }) {
        case let .success(response):
            try require(response.body.count <= max(bytes.count, payloadLimit),
                        "a body of \(response.body.count) bytes from \(bytes.count) bytes with a limit of \(payloadLimit)")
            _ = response.isHTML
            if let charset = response.charset { try require(!charset.isEmpty, "an empty charset") }
            let mediaType = HTTPResponse.mediaType(response.contentType)
            try require(mediaType == mediaType.lowercased() && mediaType == mediaType.trimmingCharacters(in: .whitespaces),
                        "media type \"\(mediaType)\" is not lowercased and trimmed")
        case let .failure(error):
            try require(["http-damaged", "http-encoding"].contains(error.code) && !error.reason.isEmpty, "an unknown error \(error)")
        }
        if let dechunked = try? HTTPResponse.dechunk(bytes) {
            try require(dechunked.count <= bytes.count, "de-chunking \(bytes.count) bytes gave \(dechunked.count)")
        }
        if let inflated = try? Gzip.decompress(bytes, limit: payloadLimit) {
            try require(inflated.count <= payloadLimit, "inflating gave \(inflated.count) bytes past the limit of \(payloadLimit)")
        }
    }

    /// A response built from known parts reads back to those parts, or is refused with the expected code.
    static func readsBack(_ recipe: HTTPRecipe, maximumPayloadSize: Int) throws(InvariantFailure) {
        let response: HTTPResponse
        do {
            response = try HTTPResponse(recipe.bytes, maximumPayloadSize: maximumPayloadSize)
        } catch {
            try require(recipe.outcome == .damaged(code: error.code.rawValue), "a response built to give \(recipe.outcome) was refused: \(error)")
            return
        }
        try require(recipe.outcome != .damaged(code: "http-encoding"), "a response built to be refused was read")
        try require(response.status == recipe.status, "status \(response.status), built with \(recipe.status)")
        try require(response.body == recipe.body, "a body of \(response.body.count) bytes, built with \(recipe.body.count): \(response.body.prefix(40)) for \(recipe.body.prefix(40))")
        try require(response.contentType == (recipe.contentType ?? "").trimmingCharacters(in: .whitespaces),
                    "Content-Type \"\(response.contentType)\", built with \"\(recipe.contentType ?? "")\"")
        switch recipe.outcome {
        case let .page(_, charset):
            try require(response.isHTML, "a page built as HTML is not HTML: \(response.contentType)")
            try require(response.charset == charset, "charset \(response.charset ?? "nil"), built with \(charset ?? "nil")")
        case .ignored:
            try require(response.status != 200 || !response.isHTML, "a response built as not HTML is HTML: \(response.contentType)")
        case .damaged:
            break
        }
    }

    /// gzip and zlib streams inflate back to what was compressed, several members to their concatenation,
    /// and a stream cut short is refused, never read as complete.
    static func gzipRoundTrip(_ bytes: [UInt8]) throws(InvariantFailure) {
        let half = bytes.count / 2
        let first = Array(bytes[..<half])
        let second = Array(bytes[half...])
        let members = Gzip.compress(first) + Gzip.compress(second, level: 1)
        let limit = bytes.count
        func inflate(_ compressed: [UInt8], limit: Int) -> Result<[UInt8], GzipError> {
            Result { () throws(GzipError) in try Gzip.decompress(compressed, limit: limit) }
        }
        try require(inflate(members, limit: limit) == .success(bytes), "two gzip members do not inflate to the \(bytes.count) bytes compressed")
        try require(inflate(Gzip.compress(bytes, wrapper: .zlib), limit: limit) == .success(bytes),
                    "a zlib stream does not inflate to the \(bytes.count) bytes compressed")
        let single = Gzip.compress(bytes)
        let cut = bytes.isEmpty ? 0 : Int(bytes[0]) % single.count
        switch inflate(Array(single[..<cut]), limit: limit) {
        case let .success(inflated):
            throw InvariantFailure("a gzip member cut at byte \(cut) of \(single.count) inflated to \(inflated.count) bytes")
        case let .failure(error):
            try require(error.reason != .tooLarge(limit: limit), "a cut member reported as too large")
        }
        if !bytes.isEmpty {
            let result = inflate(single, limit: bytes.count - 1)
            guard case let .failure(error) = result, error.reason == .tooLarge(limit: bytes.count - 1) else {
                throw InvariantFailure("\(bytes.count) bytes inflated under a limit of \(bytes.count - 1): \(result)")
            }
        }
    }
}
