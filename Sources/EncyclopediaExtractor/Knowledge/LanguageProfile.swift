/// What wiki pages in one language say in their own words: the titles of their reference sections,
/// the sentence their footer states the licence in, the line under the title, the contents box's
/// title, the name of the book-sources page their ISBN links go to, and how their citations write the
/// date a source was retrieved.
///
/// Adding a language is adding a profile here (and a line to `LanguageProfileTests`): the body walk,
/// the reference reader, the licence search and the site recogniser all read these lists, none spells
/// a title or sentence out itself.
///
/// Every phrase is written as it appears in running text, lowercase where the language has case; an
/// ASCII capital on the page still matches (the searches fold ASCII case), a non-ASCII one does not,
/// so a sentence that opens with one ("Текст доступен …") is given from its next word.
struct LanguageProfile: Sendable {
    /// The language's code ("en", "de", …), for tests and messages.
    let code: String
    /// Section titles that announce notes ("References", "Einzelnachweise").
    let noteSections: [String]
    /// Section titles that announce a bibliography ("Further reading", "Literatur").
    let bibliographySections: [String]
    /// Section titles that announce links to other sites ("External links", "Weblinks").
    let externalLinkSections: [String]
    /// Section titles that announce related articles ("See also", "Siehe auch").
    let seeAlsoSections: [String]
    /// Opening words of the wiki footer's licence statement ("text is available under the …").
    let licenceSentences: [String]
    /// The line MediaWiki prints under the title ("From Wikipedia, the free encyclopedia").
    let taglines: [String]
    /// The contents box's own title, which is no section of the article ("Contents"): only titles that
    /// never name an article's section too ("Inhalt", "Содержание" also head a plot summary).
    let contentsTitles: [String]
    /// The book-sources special page's name in ISBN links (`Special:BookSources/…` → "booksources").
    let bookSourcesPages: [String]
    /// The category namespace's name in links to category pages (`/wiki/Kategorie:…` → "kategorie").
    let categoryNamespaces: [String]
    /// The words a citation's retrieval date follows ("retrieved", "abgerufen"); none for languages
    /// that write the date before the word (Chinese, Japanese).
    var retrievalCues: [String] = []
    /// The names of the twelve months as dates write them (with genitive forms and abbreviations).
    var months: [[String]] = []
    /// Small words between the cue and the date or inside it ("on", "am", "de").
    var dateWords: [String] = []

    static let all: [LanguageProfile] = [
        LanguageProfile(
            code: "en",
            noteSections: [
                "references", "notes", "footnotes", "citations", "notes and references", "references and notes",
                "source notes", "explanatory notes", "notes and citations", "citations and notes", "reference notes",
                "inline citations", "notes and sources", "sources and notes",
            ],
            bibliographySections: [
                "bibliography", "further reading", "sources", "literature", "works cited", "selected bibliography",
                "bibliography and further reading", "book sources", "general references", "general sources",
                "cited sources", "cited works", "additional reading", "secondary sources", "primary sources",
            ],
            externalLinkSections: ["external links", "external link", "links", "web links", "weblinks"],
            seeAlsoSections: ["see also", "related articles", "related topics"],
            licenceSentences: [
                "text is available under the creative commons attribution-sharealike",
                "all text is available under the terms of the gnu free documentation license",
                "is licensed under the gnu free documentation license",
                "content is available under creative commons",
                "community content is available under",
                "this article is issued from wikipedia",
            ],
            taglines: ["from wikipedia, the free encyclopedia"],
            contentsTitles: ["contents", "table of contents"],
            bookSourcesPages: ["booksources"],
            categoryNamespaces: ["category"],
            retrievalCues: ["retrieved", "accessed"],
            months: [
                ["january", "jan"], ["february", "feb"], ["march", "mar"], ["april", "apr"], ["may"], ["june", "jun"],
                ["july", "jul"], ["august", "aug"], ["september", "sep", "sept"], ["october", "oct"],
                ["november", "nov"], ["december", "dec"],
            ],
            dateWords: ["on"]),
        LanguageProfile(
            code: "de",
            noteSections: ["einzelnachweise", "anmerkungen", "fußnoten", "belege", "quellen", "nachweise",
                           "quellenangaben", "anmerkungen und einzelnachweise", "referenzen"],
            bibliographySections: ["literatur", "weiterführende literatur", "sekundärliteratur", "quellen und literatur"],
            externalLinkSections: ["weblinks"],
            seeAlsoSections: ["siehe auch"],
            licenceSentences: ["der text ist unter der lizenz", "inhalt ist verfügbar unter der lizenz"],
            taglines: ["aus wikipedia, der freien enzyklopädie"],
            contentsTitles: ["inhaltsverzeichnis"],
            bookSourcesPages: ["isbn-suche"],
            categoryNamespaces: ["kategorie"],
            retrievalCues: ["abgerufen"],
            months: [
                ["januar", "jänner", "jan"], ["februar", "feber", "feb"], ["märz", "mär", "mrz"], ["april", "apr"],
                ["mai"], ["juni", "jun"], ["juli", "jul"], ["august", "aug"], ["september", "sep", "sept"],
                ["oktober", "okt"], ["november", "nov"], ["dezember", "dez"],
            ],
            dateWords: ["am"]),
        LanguageProfile(
            code: "fr",
            noteSections: ["notes et références", "notes", "références", "notes et sources", "sources et références"],
            bibliographySections: ["bibliographie", "ouvrages", "sources"],
            externalLinkSections: ["liens externes", "lien externe"],
            seeAlsoSections: ["voir aussi", "articles connexes"],
            licenceSentences: ["les textes sont disponibles sous licence", "le contenu est disponible sous licence"],
            taglines: ["un article de wikipédia, l'encyclopédie libre", "un article de wikipédia, l’encyclopédie libre"],
            contentsTitles: ["sommaire"],
            bookSourcesPages: ["ouvrages_de_référence"],
            categoryNamespaces: ["catégorie"],
            retrievalCues: ["consulté"],
            months: [
                ["janvier", "janv"], ["février", "févr"], ["mars"], ["avril"], ["mai"], ["juin"], ["juillet", "juil"],
                ["août"], ["septembre", "sept"], ["octobre", "oct"], ["novembre", "nov"], ["décembre", "déc"],
            ],
            dateWords: ["le"]),
        LanguageProfile(
            code: "es",
            noteSections: ["referencias", "notas", "notas y referencias"],
            bibliographySections: ["bibliografía", "fuentes", "lecturas adicionales"],
            externalLinkSections: ["enlaces externos"],
            seeAlsoSections: ["véase también", "ver también"],
            licenceSentences: ["el texto está disponible bajo la licencia"],
            taglines: ["de wikipedia, la enciclopedia libre"],
            contentsTitles: [],
            bookSourcesPages: ["fuentesdelibros"],
            categoryNamespaces: ["categoría"],
            retrievalCues: ["consultado"],
            months: [
                ["enero"], ["febrero"], ["marzo"], ["abril"], ["mayo"], ["junio"], ["julio"], ["agosto"],
                ["septiembre", "setiembre"], ["octubre"], ["noviembre"], ["diciembre"],
            ],
            dateWords: ["el", "de"]),
        LanguageProfile(
            code: "it",
            noteSections: ["note", "riferimenti", "note e riferimenti"],
            bibliographySections: ["bibliografia", "fonti"],
            externalLinkSections: ["collegamenti esterni"],
            seeAlsoSections: ["voci correlate", "vedi anche"],
            licenceSentences: ["il testo è disponibile secondo la licenza"],
            taglines: ["da wikipedia, l'enciclopedia libera"],
            contentsTitles: [],
            bookSourcesPages: ["ricercaisbn"],
            categoryNamespaces: ["categoria"],
            retrievalCues: ["consultato"],
            months: [
                ["gennaio"], ["febbraio"], ["marzo"], ["aprile"], ["maggio"], ["giugno"], ["luglio"], ["agosto"],
                ["settembre"], ["ottobre"], ["novembre"], ["dicembre"],
            ],
            dateWords: ["il"]),
        LanguageProfile(
            code: "nl",
            noteSections: ["referenties", "noten", "bronnen", "bronnen, noten en/of referenties"],
            bibliographySections: ["literatuur"],
            externalLinkSections: ["externe links", "externe link"],
            seeAlsoSections: ["zie ook"],
            licenceSentences: ["de tekst is beschikbaar onder de licentie"],
            taglines: ["uit wikipedia, de vrije encyclopedie"],
            contentsTitles: ["inhoudsopgave"],
            bookSourcesPages: ["boekbronnen"],
            categoryNamespaces: ["categorie"],
            retrievalCues: ["geraadpleegd"],
            months: [
                ["januari"], ["februari"], ["maart"], ["april"], ["mei"], ["juni"], ["juli"], ["augustus"],
                ["september"], ["oktober"], ["november"], ["december"],
            ],
            dateWords: ["op"]),
        LanguageProfile(
            code: "pt",
            noteSections: ["referências", "notas", "notas e referências"],
            bibliographySections: ["bibliografia", "leitura adicional", "leitura complementar"],
            externalLinkSections: ["ligações externas", "links externos"],
            seeAlsoSections: ["ver também"],
            licenceSentences: ["este texto é disponibilizado nos termos da licença", "o texto é disponibilizado nos termos da licença"],
            taglines: ["origem: wikipédia, a enciclopédia livre"],
            contentsTitles: [],
            bookSourcesPages: ["fontes_de_livros"],
            categoryNamespaces: ["categoria"],
            retrievalCues: ["consultado", "acessado"],
            months: [
                ["janeiro"], ["fevereiro"], ["março"], ["abril"], ["maio"], ["junho"], ["julho"], ["agosto"],
                ["setembro"], ["outubro"], ["novembro"], ["dezembro"],
            ],
            dateWords: ["em", "de"]),
        LanguageProfile(
            code: "ru",
            noteSections: ["примечания", "сноски", "комментарии"],
            bibliographySections: ["литература", "источники"],
            externalLinkSections: ["ссылки"],
            seeAlsoSections: ["см. также"],
            licenceSentences: ["доступен по лицензии creative commons"],
            taglines: ["материал из википедии — свободной энциклопедии"],
            contentsTitles: [],
            bookSourcesPages: ["источники_книг"],
            categoryNamespaces: ["категория"],
            retrievalCues: ["проверено"],
            months: [
                ["января", "январь"], ["февраля", "февраль"], ["марта", "март"], ["апреля", "апрель"], ["мая", "май"],
                ["июня", "июнь"], ["июля", "июль"], ["августа", "август"], ["сентября", "сентябрь"],
                ["октября", "октябрь"], ["ноября", "ноябрь"], ["декабря", "декабрь"],
            ],
            dateWords: []),
        LanguageProfile(
            code: "uk",
            noteSections: ["примітки", "джерела"],
            bibliographySections: ["література"],
            externalLinkSections: ["посилання"],
            seeAlsoSections: ["див. також"],
            licenceSentences: ["доступний на умовах ліцензії"],
            taglines: ["матеріал з вікіпедії — вільної енциклопедії"],
            contentsTitles: [],
            bookSourcesPages: ["джерела_книг"],
            categoryNamespaces: ["категорія"],
            retrievalCues: ["процитовано", "переглянуто"],
            months: [
                ["січня"], ["лютого"], ["березня"], ["квітня"], ["травня"], ["червня"], ["липня"], ["серпня"],
                ["вересня"], ["жовтня"], ["листопада"], ["грудня"],
            ],
            dateWords: []),
        LanguageProfile(
            code: "pl",
            noteSections: ["przypisy", "uwagi"],
            bibliographySections: ["bibliografia"],
            externalLinkSections: ["linki zewnętrzne"],
            seeAlsoSections: ["zobacz też"],
            licenceSentences: ["tekst udostępniany na licencji", "treść udostępniana na licencji"],
            taglines: ["z wikipedii, wolnej encyklopedii"],
            contentsTitles: ["spis treści"],
            bookSourcesPages: ["książki"],
            categoryNamespaces: ["kategoria"],
            retrievalCues: ["data dostępu", "dostęp"],
            months: [
                ["stycznia"], ["lutego"], ["marca"], ["kwietnia"], ["maja"], ["czerwca"], ["lipca"], ["sierpnia"],
                ["września"], ["października"], ["listopada"], ["grudnia"],
            ],
            dateWords: []),
        LanguageProfile(
            code: "sv",
            noteSections: ["referenser", "noter", "källor", "fotnoter"],
            bibliographySections: ["litteratur", "vidare läsning", "tryckta källor"],
            externalLinkSections: ["externa länkar"],
            seeAlsoSections: ["se även"],
            licenceSentences: ["texten är tillgänglig under licensen"],
            taglines: ["från wikipedia, den fria encyklopedin"],
            contentsTitles: [],
            bookSourcesPages: ["bokkällor"],
            categoryNamespaces: ["kategori"],
            retrievalCues: ["läst", "hämtad"],
            months: [
                ["januari"], ["februari"], ["mars"], ["april"], ["maj"], ["juni"], ["juli"], ["augusti"],
                ["september"], ["oktober"], ["november"], ["december"],
            ],
            dateWords: ["den"]),
        LanguageProfile(
            code: "he",
            noteSections: ["הערות שוליים", "הערות", "מקורות"],
            bibliographySections: ["לקריאה נוספת", "ביבליוגרפיה"],
            externalLinkSections: ["קישורים חיצוניים"],
            seeAlsoSections: ["ראו גם"],
            licenceSentences: ["הטקסט מוגש בכפוף לרישיון"],
            taglines: ["מתוך ויקיפדיה, האנציקלופדיה החופשית"],
            contentsTitles: ["תוכן עניינים"],
            bookSourcesPages: ["משאבי_ספרות"],
            categoryNamespaces: ["קטגוריה"],
            retrievalCues: ["נבדק ב-", "נבדק ב־"],
            months: [
                ["ינואר", "בינואר"], ["פברואר", "בפברואר"], ["מרץ", "במרץ"], ["אפריל", "באפריל"], ["מאי", "במאי"],
                ["יוני", "ביוני"], ["יולי", "ביולי"], ["אוגוסט", "באוגוסט"], ["ספטמבר", "בספטמבר"],
                ["אוקטובר", "באוקטובר"], ["נובמבר", "בנובמבר"], ["דצמבר", "בדצמבר"],
            ],
            dateWords: []),
        LanguageProfile(
            code: "ar",
            noteSections: ["مراجع", "المراجع", "ملاحظات", "هوامش"],
            bibliographySections: ["قراءات إضافية", "ببليوغرافيا"],
            externalLinkSections: ["وصلات خارجية", "روابط خارجية"],
            seeAlsoSections: ["انظر أيضا", "انظر أيضًا"],
            licenceSentences: ["النصوص متاحة تحت رخصة"],
            taglines: ["من ويكيبيديا، الموسوعة الحرة"],
            contentsTitles: ["المحتويات"],
            bookSourcesPages: ["مصادر_كتاب"],
            categoryNamespaces: ["تصنيف"],
            retrievalCues: ["اطلع عليه بتاريخ"],
            months: [
                ["يناير"], ["فبراير"], ["مارس"], ["أبريل", "ابريل"], ["مايو"], ["يونيو"], ["يوليو"], ["أغسطس"],
                ["سبتمبر"], ["أكتوبر"], ["نوفمبر"], ["ديسمبر"],
            ],
            dateWords: []),
        LanguageProfile(
            code: "zh",
            noteSections: ["参考文献", "參考文獻", "参考资料", "參考資料", "注释", "註釋", "脚注", "腳註", "来源", "來源"],
            bibliographySections: ["延伸阅读", "延伸閱讀", "书目", "書目"],
            externalLinkSections: ["外部链接", "外部連結"],
            seeAlsoSections: ["参见", "參見", "参看", "參看"],
            licenceSentences: ["本站的全部文字在知识共享", "本站的全部文字在知識共享", "文字内容以知识共享", "文字內容以知識共享"],
            taglines: ["维基百科，自由的百科全书", "維基百科，自由的百科全書"],
            contentsTitles: ["目录", "目錄"],
            bookSourcesPages: ["网络书源", "網路書源"],
            categoryNamespaces: ["category", "分类", "分類"]),
        LanguageProfile(
            code: "ja",
            noteSections: ["脚注", "出典", "注釈"],
            bibliographySections: ["参考文献", "関連文献"],
            externalLinkSections: ["外部リンク"],
            seeAlsoSections: ["関連項目"],
            licenceSentences: ["クリエイティブ・コモンズ 表示-継承ライセンス"],
            taglines: ["出典: フリー百科事典『ウィキペディア（wikipedia）』"],
            contentsTitles: ["目次"],
            bookSourcesPages: ["文献資料"],
            categoryNamespaces: ["category", "カテゴリ"]),
    ]
}

extension LanguageProfile {
    /// A section title as the lookups compare it: lowercased, runs of spaces (no-break spaces too) as
    /// one, trimmed, a trailing colon dropped.
    static func titleKey(_ title: String) -> String {
        var title = title
        // Most titles are ASCII: folded and spaced byte by byte, without Unicode tables. ("\r\n" is two
        // separators here; in the split into characters below it is one character, and no separator.)
        if let ascii = title.withUTF8({ bytes in bytes.contains(where: { $0 >= 0x80 }) ? nil : spacedKey(bytes) }) {
            return ascii
        }
        var lowered = title.fastLowercased()
        // A title whose characters are each one scalar splits into characters where its bytes do.
        let simple = lowered.withUTF8 { bytes -> String? in
            guard String.characterCount(ofSimpleText: bytes) != nil else { return nil }
            for index in bytes.indices.dropLast() where bytes[index] == 0x0D && bytes[index + 1] == 0x0A { return nil }
            return spacedKey(bytes)
        }
        if let simple { return simple }
        var words = lowered.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" || $0 == "\n" || $0 == "\t" || $0 == "\r" })
            .joined(separator: " ")
        while let last = words.last, last == ":" || last == "：" || last == " " { words.removeLast() }
        return words
    }

    /// The key made on a title's UTF-8 bytes: ASCII letters lowered, each run of separators (space,
    /// line feed, tab, carriage return, no-break space C2 A0) one space, leading and trailing ones
    /// dropped, and trailing colons (ASCII or full-width, U+FF1A) with the spaces before them.
    private static func spacedKey(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var key: [UInt8] = []
        key.reserveCapacity(bytes.count)
        var pendingSpace = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let noBreakSpace = byte == 0xC2 && index + 1 < bytes.count && bytes[index + 1] == 0xA0
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || noBreakSpace {
                pendingSpace = !key.isEmpty
                index += noBreakSpace ? 2 : 1
                continue
            }
            if pendingSpace {
                key.append(0x20)
                pendingSpace = false
            }
            key.append(ASCII.lowercased(byte))
            index += 1
        }
        while true {
            if key.last == UInt8(ascii: ":") || key.last == 0x20 {
                key.removeLast()
            } else if key.count >= 3, key[key.count - 3] == 0xEF, key[key.count - 2] == 0xBC, key[key.count - 1] == 0x9A {
                key.removeLast(3)
            } else {
                break
            }
        }
        return String(decoding: key, as: UTF8.self)
    }

    /// Each language's titles by key, with their reference kind.
    private static let kindsByLanguage: [String: [String: Reference.Kind]] = {
        var table: [String: [String: Reference.Kind]] = [:]
        for profile in all {
            var kinds: [String: Reference.Kind] = [:]
            for (kind, titles) in profile.sectionTitles {
                for title in titles {
                    let key = titleKey(title)
                    if kinds[key] == nil { kinds[key] = kind }
                }
            }
            table[profile.code] = kinds
        }
        return table
    }()

    /// Every language's titles: where two languages give one title different kinds ("参考文献": notes in
    /// Chinese, a bibliography in Japanese), the language listed first decides.
    private static let kindsInAnyLanguage: [String: Reference.Kind] = {
        var kinds: [String: Reference.Kind] = [:]
        for profile in all {
            for (title, kind) in kindsByLanguage[profile.code] ?? [:] where kinds[title] == nil { kinds[title] = kind }
        }
        return kinds
    }()

    /// The reference titles of this profile, kind by kind.
    var sectionTitles: [(kind: Reference.Kind, titles: [String])] {
        [(.note, noteSections), (.bibliography, bibliographySections), (.externalLink, externalLinkSections),
         (.seeAlso, seeAlsoSections)]
    }

    /// The reference kind a section title announces, or nil for an ordinary section. The page's own
    /// language (its `lang`, "de" of "de-CH") is asked first, then every language.
    static func referenceKind(forTitle title: String, language: String?) -> Reference.Kind? {
        referenceKind(forKey: titleKey(title), language: language)
    }

    /// The reference kind of a title already made a ``titleKey(_:)``.
    static func referenceKind(forKey key: String, language: String?) -> Reference.Kind? {
        if let language, let code = language.lowercased().split(separator: "-").first,
            let kinds = kindsByLanguage[String(code)]
        {
            if let kind = kinds[key] { return kind }
        }
        return kindsInAnyLanguage[key]
    }

    /// The book-sources page names as they stand in a link: followed by "/", as written and, for names
    /// with non-ASCII letters, percent-encoded (lowercase hex, which the search's case folding matches
    /// to either case).
    static let bookSourcesLinkPhrases = linkPhrases(all.flatMap(\.bookSourcesPages), ending: "/")

    /// The category namespaces as they stand in a link: followed by ":", as written and percent-encoded.
    static let categoryLinkPhrases = linkPhrases(all.flatMap(\.categoryNamespaces), ending: ":")

    private static func linkPhrases(_ names: [String], ending: String) -> [String] {
        var phrases: [String] = []
        for name in names {
            for form in [name, percentEncoded(name)] where !phrases.contains(form + ending) { phrases.append(form + ending) }
        }
        return phrases
    }

    private static func percentEncoded(_ text: String) -> String {
        var encoded = ""
        for byte in text.utf8 {
            if byte < 0x80 {
                encoded.append(Character(Unicode.Scalar(byte)))
            } else {
                let hex = String(byte, radix: 16)
                encoded += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return encoded
    }
}
