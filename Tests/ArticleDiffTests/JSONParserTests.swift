import ArticleDiff
import Foundation
import Testing

/// The strict JSON parser behind `encx verify`: RFC 8259's grammar, no more, no less (FuzzJSON checks it
/// against Foundation's JSONSerialization; these are its findings).
@Suite struct JSONParserTests {
    static func parse(_ text: String) throws -> JSONValue {
        try JSONValue(parsing: Data(text.utf8))
    }

    @Test(arguments: ["0", "-0", "12", "-1.5", "1e5", "1E+5", "2.5e-3", "-0.0e0", "123456789012345678901234567890", "1e-400"])
    func numbersInTheGrammarAreRead(text: String) throws {
        #expect(try Self.parse(text) == .number(try #require(Double(text))))
    }

    /// Found by FuzzJSON: these were read as numbers (Double's own syntax is looser than JSON's).
    @Test(arguments: ["+1", "01", "-01", ".5", "1.", "1.e5", "1e", "1e+", "-", "1e999", "-1e999", "[1.]", "[.5]"])
    func numbersOutsideTheGrammarOrRangeAreRefused(text: String) {
        #expect(throws: JSONParseError.self) { try Self.parse(text) }
    }

    @Test func aSurrogatePairIsOneCharacter() throws {
        #expect(try Self.parse(#""\ud83d\ude00""#) == .string("😀"))
    }

    /// Found by FuzzJSON: a high surrogate followed by an escape that is not a low surrogate trapped on
    /// arithmetic overflow (the process crashed); lone surrogates became U+FFFD where Foundation refuses.
    @Test(arguments: [#""\ud800\u0041""#, #""\ud800""#, #""\ud800x""#, #""\udc00""#, #""\ud800\ud800""#])
    func anUnpairedSurrogateIsRefused(text: String) {
        #expect(throws: JSONParseError.self) { try Self.parse(text) }
    }

    /// Found by FuzzJSON: invalid UTF-8 in a string became U+FFFD, so two different files compared equal.
    @Test func invalidUTF8InAStringIsRefused() throws {
        let error = #expect(throws: JSONParseError.self) { try JSONValue(parsing: Data([0x22, 0x61, 0xFF, 0x22])) }
        #expect(error?.reason == "invalid UTF-8 in a string")
        #expect(try JSONValue(parsing: Data("\"é\"".utf8)) == .string("é"))
    }
}
