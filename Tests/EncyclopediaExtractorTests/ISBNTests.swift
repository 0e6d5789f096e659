@testable import EncyclopediaExtractor
import HTMLTree
import Testing

@Suite struct ISBNTests {
    @Test(arguments: [
        ("5-264-00505-2", "9785264005053", "5264005052"),
        ("0-306-40615-2", "9780306406157", "0306406152"),
        ("978-0-306-40615-7", "9780306406157", "0306406152"),
        ("1-84123-012-X", "9781841230122", "184123012X"),
        ("0-521-31416-x", "9780521314169", "052131416X"),
        ("0 14 044913 2", "9780140449136", "0140449132"),
        ("978‐0‐435‐98765‐7", "9780435987657", "0435987658"),
        ("1–86197–271–7", "9781861972712", "1861972717"),
        ("979-10-90636-07-1", "9791090636071", nil),
    ] as [(String, String, String?)])
    func validISBNsNormalise(written: String, isbn13: String, isbn10: String?) throws {
        let record = try #require(ISBNCodec.record(forWritten: written))
        #expect(record.valid)
        #expect(record.isbn13 == isbn13)
        #expect(record.isbn10 == isbn10)
        #expect(record.text == written)
    }

    @Test(arguments: ["0 14 044913 0", "0-7475-1234-6", "978-0-306-40615-8", "5-264-00505-3", "123-4-567-89012-3", "X-306-40615-2", "0-306-4061X-2"])
    func invalidChecksumsAreNotValid(written: String) {
        let record = ISBNCodec.record(forWritten: written)
        #expect(record?.valid != true)
    }

    @Test func a13DigitNumberWithoutTheBookPrefixIsNotAnISBN13() {
        #expect(!ISBNCodec.isValidISBN13("9770306406150"))
    }

    @Test(arguments: [
        ("Published 2001. ISBN 5-264-00505-2", ["5-264-00505-2"]),
        ("ISBN-13: 978-0-306-40615-7 and ISBN-10: 0-306-40615-2", ["978-0-306-40615-7", "0-306-40615-2"]),
        ("ISBN: 0-7123-4567-1.", ["0-7123-4567-1"]),
        ("ISBN 0 14 044913 0 (paperback)", ["0 14 044913 0"]),
        ("ISBN 0-14-044913-2 2001", ["0-14-044913-2"]),
        ("ISBN 0-14-044913-0 2001", ["0-14-044913-0"]),
        ("ISBN 978-0-14-044913-6 2001", ["978-0-14-044913-6"]),
        ("ISBN 052131416x; reprinted", ["052131416x"]),
        ("ISBN13 9780306406157", ["9780306406157"]),
        ("isbn 0306406152", ["0306406152"]),
    ])
    func scannerFindsISBNsAfterACue(text: String, expected: [String]) {
        #expect(ISBNScanner.writtenISBNs(in: text) == expected)
    }

    @Test(arguments: [
        "Call (555) 014-2295 for details",
        "barcode 9788901234564 on the back",
        "Cat. No. 4412098737",
        "OCLC 48213976",
        "between 1887 and 1893, pages 12–19",
        "Tel. 0 14 044913 0",
        "MISBN 0306406152",
    ])
    func noISBNWithoutACue(text: String) {
        #expect(ISBNScanner.writtenISBNs(in: text).isEmpty)
    }

    @Test func bookSourcesLinks() {
        #expect(ISBNScanner.bookSourcesISBN(inLink: "/wiki/Special:BookSources/9780306406157") == "9780306406157")
        #expect(ISBNScanner.bookSourcesISBN(inLink: "http://x.org/Special:BookSources/207036822X?x=1") == "207036822X")
        #expect(ISBNScanner.bookSourcesISBN(inLink: "/wiki/Special:BookSources/12") == nil)
        #expect(ISBNScanner.bookSourcesISBN(inLink: "/wiki/Book") == nil)
    }
}

@Suite struct RetrievedDateTests {
    @Test(arguments: [
        ("\"The Anti-Party Group\". 1957-05-10. Retrieved 2011-11-04.", "2011-11-04"),
        ("Retrieved November 4, 2011.", "2011-11-04"),
        ("Retrieved 4 November 2011.", "2011-11-04"),
        ("Retrieved Nov. 4, 2011.", "2011-11-04"),
        ("retrieved on 29 February 2012", "2012-02-29"),
        ("Accessed Sept 9, 2010", "2010-09-09"),
        ("Published 2009-03-02. Retrieved 2011-11-04", "2011-11-04"),
    ])
    func retrievedDatesBecomeISO(text: String, expected: String) {
        #expect(RetrievedDate.isoDate(in: text) == expected)
    }

    /// Citations in the languages of the profiles, written as their wikis' citation templates print them.
    @Test(arguments: [
        ("Stadt Kessenbrück, abgerufen am 3. Oktober 2012.", "2012-10-03"),
        ("UnderGroundOnline. Abgerufen am 2. Mai 2007.", "2007-05-02"),
        ("Observatoire du Valmonde, 2022 (consulté le 12 mars 2024).", "2024-03-12"),
        ("Bulletin, 2011 (consulté le 1er février 2012)", "2012-02-01"),
        ("El Diario, 2010. Consultado el 4 de noviembre de 2011.", "2011-11-04"),
        ("La Stampa. URL consultato il 29 febbraio 2012.", "2012-02-29"),
        ("De Krant, 2009. Geraadpleegd op 4 november 2011.", "2011-11-04"),
        ("Folha, 2010. Consultado em 4 de novembro de 2011", "2011-11-04"),
        ("Ведомости, 2010. Проверено 4 ноября 2011.", "2011-11-04"),
        ("Правда. Процитовано 4 листопада 2011.", "2011-11-04"),
        ("Rzeczpospolita, 2010 [dostęp 2011-11-04]", "2011-11-04"),
        ("Gazeta, 2010 [dostęp 4 listopada 2011]", "2011-11-04"),
        ("Dagens Nyheter, 2010. Läst 4 november 2011.", "2011-11-04"),
        ("הלשכה המרכזית לסטטיסטיקה. 6 בספטמבר 2017. נבדק ב-19 בספטמבר 2017.", "2017-09-19"),
        ("الأهرام، 2010. اطلع عليه بتاريخ 4 نوفمبر 2011.", "2011-11-04"),
    ])
    func retrievedDatesInOtherLanguagesBecomeISO(text: String, expected: String) {
        #expect(RetrievedDate.isoDate(in: text) == expected)
    }

    /// A month's name in one language never names another month in another, so the profiles' names
    /// can be looked up together; each profile that names months names all twelve.
    @Test func monthNamesMeanOneMonth() {
        var seen: [String: (code: String, month: Int)] = [:]
        for profile in LanguageProfile.all {
            #expect(profile.months.isEmpty || profile.months.count == 12, "\(profile.code)")
            #expect(profile.months.isEmpty == profile.retrievalCues.isEmpty, "\(profile.code)")
            for (index, names) in profile.months.enumerated() {
                for name in names {
                    #expect(name == name.lowercased(), "\(profile.code): \(name)")
                    if let earlier = seen[name] {
                        #expect(earlier.month == index + 1, "\(name): \(earlier.code) and \(profile.code) disagree")
                    }
                    seen[name] = (profile.code, index + 1)
                }
            }
            for word in profile.retrievalCues + profile.dateWords {
                #expect(word == word.lowercased(), "\(profile.code): \(word)")
                #expect(RetrievedDate.months[word] == nil, "\(profile.code): \(word) is also a month")
            }
        }
    }

    @Test(arguments: [
        "Published 2011-11-04.",
        "Retrieved 31 February 2011",
        "Retrieved 2011-13-01",
        "Retrieved from the archive",
        "Retrieved 29 February 2011",
    ])
    func noDateWithoutAValidRetrievedDate(text: String) {
        #expect(RetrievedDate.isoDate(in: text) == nil)
    }

    /// The byte reading of an ISO token gives what splitting it by "-" and reading the pieces with
    /// `Int(_:)` gives, on random tokens of digits, hyphens, letters and non-ASCII digits (and digit
    /// runs long enough to overflow).
    @Test func isoNumbersAgreeWithSplittingTheToken() {
        func bySplitting(_ token: String) -> [Int]? {
            let pieces = token.split(separator: "-")
            guard pieces.count == 3, pieces[0].count == 4, let year = Int(pieces[0]), let month = Int(pieces[1]),
                let day = Int(pieces[2])
            else { return nil }
            return [year, month, day]
        }
        // Pieces of digits (now and then a letter, a non-ASCII digit or a long run) between hyphens.
        let symbols: [String] = ["0", "1", "2", "9", "0", "1", "2", "9", "a", "\u{0664}", "99999999999", "0000000000"]
        var generator = SplitMix(seed: 20261204)
        func random(_ count: Int) -> Int { Int(generator.next() % UInt64(count)) }
        var dates = 0
        for _ in 0..<20_000 {
            var token = random(8) == 0 ? "-" : ""
            for piece in 0..<(1 + random(4)) {
                if piece > 0 { token += random(6) == 0 ? "--" : "-" }
                let length = random(8) == 0 ? random(7) : [4, 1, 2][min(piece, 2)]
                for _ in 0..<length { token += random(10) == 0 ? symbols[random(symbols.count)] : symbols[random(8)] }
            }
            if random(8) == 0 { token += "-" }
            let expected = bySplitting(token)
            #expect(RetrievedDate.isoNumbers(token).map { [$0.0, $0.1, $0.2] } == expected, "\(token)")
            if expected != nil { dates += 1 }
        }
        for token in ["2011-11-04", "2011-11-04-", "2011--11-04", "-2011-1-4", "2011-11", "20111-1-4", "2011-1-99999999999999999999"] {
            #expect(RetrievedDate.isoNumbers(token).map { [$0.0, $0.1, $0.2] } == bySplitting(token), "\(token)")
        }
        #expect(dates > 100)
    }
}

@Suite struct PhraseSetTests {
    @Test func phrasesAreFoundIgnoringASCIICase() {
        let set = PhraseSet(["copyright © world library foundation", "isbn"])
        #expect(set.firstMatch(in: "Text. COPYRIGHT © World Library Foundation. All rights")?.phrase == 0)
        #expect(set.firstMatch(in: "see Isbn 0-306")?.offset == 4)
        #expect(set.firstMatch(in: "Ïsbn, ISB N, copyright (c)") == nil)
        #expect(set.firstMatch(in: "") == nil)
    }

    /// The skipping search finds what a plain search at every position finds: the earliest match,
    /// the first phrase in list order there, over texts made to hold near misses and overlaps. The
    /// alphabet holds bytes that differ from a phrase's bytes only in the case bit (a carriage return
    /// and "-", "@" and "`"), which must not match.
    @Test func skippingSearchAgreesWithAPlainSearch() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abnisIBNSrgeéc© -\r@`".utf8) + [0xC3, 0xA9]
        let sets: [[String]] = [
            ["isbn"], ["retrieved", "accessed"], Selectors.boilerplateAnchors, ["ab", "b", "ba"], ["a"],
            ["copyright © world library foundation", "isbn", "sbn"], ["nn", "nnn", "ni"],
            // Sets of several phrases of three bytes or more, made of the alphabet's letters.
            ["ban", "nab", "isb", "sin", "bis", "nnn"], ["a-b", "b@`", "sis"], ["bananas", "ibis", "snib", "rain", "sierra"],
            Selectors.boilerplateAnchors.map { String($0.map { "abnisrgec".contains($0) ? $0 : "a" }) },
        ]
        for phrases in sets {
            let set = PhraseSet(phrases)
            let needles = phrases.map { Array($0.utf8) }
            for _ in 0..<400 {
                let length = Int.random(in: 0...90, using: &generator)
                var bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
                if let needle = needles.randomElement(using: &generator), Bool.random(using: &generator), bytes.count >= needle.count {
                    let at = Int.random(in: 0...(bytes.count - needle.count), using: &generator)
                    bytes.replaceSubrange(at..<(at + needle.count), with: needle.map { $0 &- 0x61 < 26 && Bool.random(using: &generator) ? $0 - 0x20 : $0 })
                }
                let expected = Self.plainSearch(needles, in: bytes)
                let found = bytes.withUnsafeBufferPointer { set.firstMatch(inBytes: $0) }
                #expect(found?.phrase == expected?.phrase && found?.offset == expected?.offset, "\(phrases) in \(bytes)")
            }
        }
    }

    private static func plainSearch(_ needles: [[UInt8]], in bytes: [UInt8]) -> (phrase: Int, offset: Int)? {
        func folded(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }
        for offset in bytes.indices {
            for (index, needle) in needles.enumerated() where offset + needle.count <= bytes.count {
                if zip(bytes[offset...], needle).allSatisfy({ folded($0) == $1 }) { return (index, offset) }
            }
        }
        return nil
    }

    @Test func everyBoilerplateMarkerHoldsAnAnchorWord() {
        let anchors = PhraseSet(Selectors.boilerplateAnchors)
        for marker in Selectors.licenceMarkers + Selectors.footerMarkers {
            #expect(anchors.matches(marker), "\(marker) has no anchor word: the licence search would never read it")
        }
    }
}

@Suite struct ClassWordsTests {
    @Test(arguments: [
        ("ctl00_LeftColumn", ["ctl00", "left", "column"]),
        ("mw-panel  sidebarBox2", ["mw", "panel", "sidebar", "box2"]),
        ("HTMLTitle x9Y", ["htmltitle", "x9", "y"]),
        ("Ünïcode-Box", ["ünïcode", "box"]),
        ("", []),
    ])
    func namesSplitIntoLowercaseWords(name: String, words: [String]) {
        var result: [String] = []
        ClassWords.split(name, into: &result)
        #expect(result == words)
    }
}

@Suite struct TrimmingTests {
    /// The quick trim removes exactly what Foundation's `.whitespaces` trim removes.
    @Test(arguments: ["", " ", "a", "  Notes  ", "\tSee also\t", "\u{00A0}Contents\u{3000}", "\nLead\n", " a b ",
                      "\u{2003}x\u{202F}", "é ", " \u{0301}", "\r\n", "\u{200B}zero width\u{200B}"])
    func trimsWhatFoundationTrims(text: String) {
        #expect(text.trimmingSpaces() == text.trimmingCharacters(in: .whitespaces))
    }

    /// Every scalar Foundation's `.whitespaces` holds is trimmed, and no other.
    @Test func agreesWithFoundationOnEveryScalar() {
        for value in 0...0x3100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "\(scalar)x\(scalar)"
            #expect(text.trimmingSpaces() == text.trimmingCharacters(in: .whitespaces), "U+\(String(value, radix: 16))")
        }
    }
}

@Suite struct CharacterCountTests {
    /// The quick count agrees with `count` on plain ASCII (where it skips grapheme breaking) and on
    /// texts where bytes and characters differ: "\r\n", combining marks, emoji, non-Latin scripts.
    @Test(arguments: ["", "a", "Plain ASCII text, 42 of it.", "line\r\nbreak", "\r", "\n\r", "e\u{0301}t\u{00E9}",
                      "🇫🇷 flag", "👩‍👩‍👧 family", "Ελληνικά", "日本語のテキスト", "tab\tand\u{7F}delete"])
    func agreesWithCount(text: String) {
        #expect(text.characterCount == text.count)
    }

    /// Random texts mixing the scalars the quick count reads itself (at both ends of its ranges) with
    /// ones that join characters (marks, joiners, jamo, regional indicators, Indic and Arabic letters,
    /// controls) agree with `count` too.
    @Test func agreesWithCountOnRandomMixes() {
        let pool: [UInt32] = [
            0x41, 0x20, 0x0D, 0x0A, 0x09, 0x7F, 0xA0, 0xAD, 0xE9, 0x2FF, 0x300, 0x301, 0x36F, 0x370, 0x3A3, 0x482,
            0x483, 0x489, 0x48A, 0x52F, 0x591, 0x5D0, 0x5EA, 0x5F4, 0x627, 0x600, 0x64B, 0x915, 0x94D, 0x93F, 0xE33,
            0x1100, 0x1161, 0x11A8, 0x1E00, 0x1FFF, 0x200B, 0x200C, 0x200D, 0x2010, 0x2027, 0x2028, 0x202F, 0x205F,
            0x2060, 0x20AC, 0x2122, 0x2194, 0x21A9, 0x22FF, 0x2300, 0x3000, 0x302A, 0x3041, 0x3099, 0x30FF, 0x4E00,
            0x9FFF, 0xAC00, 0xAC01, 0xD7A3, 0xFE0F, 0xFF01, 0xFF9E, 0x1F1EB, 0x1F1F7, 0x1F600, 0x1F3FB, 0xE0061,
        ]
        var generator = SplitMix(seed: 20261204)
        for _ in 0..<4000 {
            let length = Int.random(in: 0...8, using: &generator)
            var text = ""
            for _ in 0..<length {
                text.unicodeScalars.append(Unicode.Scalar(pool.randomElement(using: &generator)!)!)
            }
            #expect(text.characterCount == text.count, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func asciiLowercasingFoldsOnlyASCIILetters() {
        let ascii = "Text is available under the Creative Commons Attribution-ShareAlike License; [@`{Z]"
        #expect(ascii.asciiLowercased() == ascii.lowercased())
        #expect("Copyright © ÉCOLE Straße".asciiLowercased() == "copyright © École straße")
        #expect("ÀB".asciiLowercased() == "Àb")
    }

    /// The shortcut lowers ASCII by byte and maps the rest as `lowercased()` does, whatever the mix.
    @Test(arguments: ["", "Related eBooks", "ÉCOLE Straße", "İstanbul", "ΟΔΥΣΣΕΥΣ", "Ǆemal", "KELVIN \u{212A}",
                      "ﬃ LIGATURE", "e\u{0301}TÉ", "Navigationsmenü", "КАТЕГОРИИ", "קטגוריות", "🇫🇷 FLAG", "ẞ capital",
                      "\u{00A0}Mixed Ⅻ Numerals"])
    func fastLowercasingAgreesWithLowercased(text: String) {
        #expect(text.fastLowercased() == text.lowercased())
        #expect(Array(text.fastLowercased().utf8) == Array(text.lowercased().utf8))
    }

    @Test func byteSearchFindsWhatFoundationFinds() {
        let text = "Smith, J. (2001). Mills. Hamburg: Verlag. ISBN 978-3-16-148410-0, p. 12 – ünter"
        for needle in ["978-3-16-148410-0", "3-16-148410-X", "ISBN", "ünter", "12 –", "", text, text + "."] {
            #expect(text.containsBytes(needle) == (needle.isEmpty || text.contains(needle)), "\(needle)")
        }
    }

    /// Splitting at spaces by bytes gives the pieces a split by characters gives, on random mixes of
    /// words, runs of spaces, "\r\n", tabs and scalars that join a space to their neighbour.
    @Test func spaceSeparatedWordsAgreeWithSplit() {
        let pool = ["mw-body", "catlinks", " ", " ", "  ", "\t", "\r\n", "e\u{0301}", "\u{0301}", "\u{0600}", "日", "x"]
        var generator = SplitMix(seed: 20261204)
        for _ in 0..<4000 {
            let text = (0..<Int.random(in: 0...7, using: &generator)).map { _ in pool.randomElement(using: &generator)! }.joined()
            #expect(text.spaceSeparatedWords().map { Array($0.utf8) } == text.split(separator: " ").map { Array($0.utf8) }, "\(Array(text.unicodeScalars))")
        }
    }

    /// A marker's label loses its brackets as the reading by characters has it, on random mixes of
    /// brackets, spaces, words, "\r\n" and marks that join a bracket to its neighbour.
    @Test func markerLabelsLoseTheirBracketsAsCharactersSay() {
        func byCharacters(_ text: String) -> String {
            var label = text.trimmingSpaces()
            if label.hasPrefix("["), label.hasSuffix("]"), label.count >= 2 { label = String(label.dropFirst().dropLast()).trimmingSpaces() }
            return label
        }
        #expect(CitationLabels.bare(" [note 3] ") == "note 3")
        #expect(CitationLabels.bare("[]") == "")
        let pool = ["[", "]", "[", "]", " ", "\t", "note", "3", "\r\n", "\u{0301}", "\u{0600}", "日", "\u{00A0}"]
        var generator = SplitMix(seed: 20261204)
        for _ in 0..<4000 {
            let text = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pool.randomElement(using: &generator)! }.joined()
            #expect(Array(CitationLabels.bare(text).utf8) == Array(byCharacters(text).utf8), "\(Array(text.unicodeScalars))")
        }
    }

    /// A title's site suffix is what the search by characters finds, on random mixes of words,
    /// separators, dashes, "\r\n" and marks that join a space to its neighbour.
    @Test func titleSuffixesAgreeWithTheSearchByCharacters() {
        func byCharacters(_ title: String) -> String {
            for separator in [" | ", " - ", " — ", " – "] {
                if let range = title.firstRange(of: separator) { return String(title[range.upperBound...]) }
            }
            return ""
        }
        #expect(SiteRecognizer.suffix(of: "Anti-Party Group | World Library - eBooks") == "World Library - eBooks")
        let pool = ["Mill", " ", " | ", " - ", "-", "|", " — ", " – ", "\r\n", "\u{0301}", "\u{0600}", "é", "World Library"]
        var generator = SplitMix(seed: 20261204)
        for _ in 0..<4000 {
            let title = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pool.randomElement(using: &generator)! }.joined()
            #expect(Array(SiteRecognizer.suffix(of: title).utf8) == Array(byCharacters(title).utf8), "\(Array(title.unicodeScalars))")
        }
    }

    @Test func lettersAndDigitsOfAnyScriptAreWords() {
        for text in ["a", "Z", "7", " x ", "é", "日", "٣", "Ⅻ"] { #expect(BlockReader.hasWords(text), "\(text)") }
        for text in ["", " ", "—", "[ ]", "…", "·", "\u{00A0}", "@`[{"] { #expect(!BlockReader.hasWords(text), "\(text)") }
    }
}

@Suite struct ComparableTitleTests {
    /// Titles compare by their letters and digits, lowercased: the ASCII shortcut gives what the
    /// Unicode definition gives.
    @Test(arguments: ["References", "See also", "Notes & references", "1990s: the [edit] decade", "", "  ",
                      "ÉTUDES — Notes", "Früh-Geschichte 2", "Ⅻ. Appendix", "A\u{00A0}B", "@[`{Z]"])
    func asciiShortcutAgreesWithTheDefinition(title: String) {
        let definition = String(title.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil })
        #expect(Reconciler.comparable(title) == definition)
    }
}
