import Foundation
import HTMLTree

/// Extracts a clean ``Article`` from a saved World Library–style page (or a saved MediaWiki page).
///
/// ```swift
/// let extractor = Extractor()
/// let article = try extractor.extract(fileAt: URL(fileURLWithPath: "Anti-Party_Group.html"))
/// print(article.title)                         // "Anti-Party Group"
/// print(article.tableOfContents.map(\.title))  // ["Motives", "Attempted take-over", …]
/// print(try ArticleJSON.string(article))       // deterministic JSON
/// ```
///
/// An extractor holds only options: share one freely, and extract different pages on many threads
/// at once (each call parses its own document).
public struct Extractor: Sendable {
    /// What to keep and how to parse.
    public var options: ExtractionOptions

    /// Creates an extractor.
    public init(_ options: ExtractionOptions = ExtractionOptions()) {
        self.options = options
    }

    /// Extracts the article from a page's bytes.
    /// - Parameters:
    ///   - html: the page as saved, in any encoding (gzip and MHTML are unpacked first).
    ///   - url: the page's URL, used when the page names none itself.
    ///   - input: a name for the page in errors and warnings, e.g. its path.
    /// - Throws: ``ExtractionError`` naming `input` and the reason; a WARC archive is refused with
    ///   ``ExtractionError/warcArchive(input:)`` (read it with ``WARCReader`` or ``BatchConverter``).
    public func extract(html: Data, url: URL? = nil, input: String = "<input>") throws(ExtractionError) -> Article {
        try extraction(html: [UInt8](html), url: url, input: input, origin: PageOrigin(), recordingRemovals: false).article
    }

    /// Extracts the article from a page's bytes (the same as ``extract(html:url:input:)-(Data,_,_)``).
    public func extract(html: [UInt8], url: URL? = nil, input: String = "<input>") throws(ExtractionError) -> Article {
        try extraction(html: html, url: url, input: input, origin: PageOrigin(), recordingRemovals: false).article
    }

    /// Extracts the article from a page file (`.html`, `.gz`, `.mht`, …); the file is named in errors.
    /// - Throws: ``ExtractionError/unreadable(path:reason:)`` when the file cannot be read,
    ///   ``ExtractionError/warcArchive(input:)`` for a WARC file, or a document error naming the path.
    public func extract(fileAt fileURL: URL) throws(ExtractionError) -> Article {
        try extraction(fileAt: fileURL, recordingRemovals: false).article
    }

    /// Extracts the article from a page file and reports what was removed and why.
    public func extractWithReport(fileAt fileURL: URL) throws(ExtractionError) -> Extraction {
        try extraction(fileAt: fileURL, recordingRemovals: true)
    }

    private func extraction(fileAt fileURL: URL, recordingRemovals: Bool) throws(ExtractionError) -> Extraction {
        // A WARC file is refused by its name before it is read (it can be gigabytes), and by its
        // opening whatever it is called.
        let name = fileURL.lastPathComponent.lowercased()
        if name.hasSuffix(".warc") || name.hasSuffix(".warc.gz") { throw .warcArchive(input: fileURL.path) }
        let bytes = try Self.readPage(at: fileURL, limit: options.parse.maximumInputSize)
        return try extraction(html: bytes, url: nil, input: fileURL.path, origin: PageOrigin(), recordingRemovals: recordingRemovals)
    }

    /// Extracts the article from a page's bytes and reports what was removed and why.
    public func extractWithReport(html: Data, url: URL? = nil, input: String = "<input>",
                                  origin: PageOrigin = PageOrigin()) throws(ExtractionError) -> Extraction
    {
        try extractWithReport(html: [UInt8](html), url: url, input: input, origin: origin)
    }

    /// Reads a page's bytes from a file.
    /// - Parameters:
    ///   - fileURL: the file.
    ///   - name: how errors name it (default: its path).
    ///   - limit: refuse a file larger than this many bytes before reading it (`input-too-large`).
    /// - Throws: ``ExtractionError/unreadable(path:reason:)`` with the system's reason ("No such file or
    ///   directory", "Permission denied", …), or a document error when the file is over `limit`.
    public static func readPage(at fileURL: URL, name: String? = nil, limit: Int? = nil) throws(ExtractionError) -> [UInt8] {
        let path = fileURL.path
        return try readPage(path: path, name: name ?? path, limit: limit)
    }

    /// Reads a page's bytes from the file at `path` (a batch's inputs: no URL is made, which for a
    /// relative path costs Foundation a `getcwd` each time).
    static func readPage(path: String, name input: String, limit: Int?) throws(ExtractionError) -> [UInt8] {
        do {
            switch try FileBytes.read(path: path, limit: limit) {
            case let .bytes(bytes):
                return bytes
            case let .tooLarge(size):
                throw ExtractionError.document(DocumentError(input: input, reason: .tooLarge(size: size, limit: limit ?? size)))
            }
        } catch let error as FileReadError {
            throw .unreadable(path: input, reason: error.reason)
        } catch let error as ExtractionError {
            throw error
        } catch {
            throw .unreadable(path: input, reason: "\(error)")
        }
    }

    /// Extracts the article and reports what was removed and why (what `encx inspect` shows).
    ///
    /// gzip-compressed bytes (a `.gz` file, or a page saved with its `Content-Encoding`) are inflated
    /// first, up to ``ExtractionOptions/maximumDecompressedSize``.
    ///
    /// An MHTML archive (`.mht`, `.mhtml`) is unpacked to its HTML part first. `origin` carries what a
    /// container (a WARC record) says about the page: its URL and the HTTP charset.
    public func extractWithReport(html: [UInt8], url: URL? = nil, input: String = "<input>",
                                  origin: PageOrigin = PageOrigin()) throws(ExtractionError) -> Extraction
    {
        try extraction(html: html, url: url, input: input, origin: origin, recordingRemovals: true)
    }

    /// The extraction, with what was removed when `recordingRemovals` (converting many pages never reads
    /// it, and each record reads the start of the removed element's text).
    func extraction(html: [UInt8], url: URL?, input: String, origin: PageOrigin,
                    recordingRemovals: Bool) throws(ExtractionError) -> Extraction
    {
        let deadline = Deadline(options.timeLimit)
        var origin = origin
        var bytes = html
        // A WARC archive (plain, or gzip per record or whole) is many pages: refused before it is
        // inflated whole or parsed as one garbage article.
        if WARCReader.looksLikeWARC(Gzip.isGzip(bytes) ? Gzip.inflatedPrefix(bytes, count: 64) : Array(bytes.prefix(64))) {
            throw .warcArchive(input: input)
        }
        if Gzip.isGzip(bytes) {
            do {
                bytes = try Gzip.decompress(bytes, limit: options.maximumDecompressedSize)
            } catch {
                throw .compressed(input: input, error: error)
            }
        }
        if MHTMLPage.looksLikeMHTML(bytes) {
            do {
                let page = try MHTMLPage(bytes)
                bytes = page.html
                origin.savedFromURL = origin.savedFromURL ?? page.location
                origin.charset = origin.charset ?? page.charset
            } catch {
                throw .mhtml(input: input, reason: error.reason)
            }
        }
        var parseOptions = options.parse
        parseOptions.transportCharset = origin.charset ?? parseOptions.transportCharset
        let document: Document
        do {
            document = try Document(bytes: bytes, input: input, options: parseOptions)
        } catch {
            throw .document(error)
        }
        try deadline.check(input: input, stage: "parsing")
        return try ExtractionPipeline(document: document, callerURL: url?.absoluteString, origin: origin, options: options, deadline: deadline,
                                      recordingRemovals: recordingRemovals).run()
    }

}

/// An article with the record of what extraction removed.
public struct Extraction: Sendable, Equatable {
    /// The article.
    public var article: Article
    /// What was removed as chrome, licence, footer or junk, each with its rule.
    public var removals: [Removal]
    /// How the page's encoding was chosen, in words.
    public var encodingExplanation: String
    /// True when the page is an encyclopedia page: a page of the World Library family or of a wiki, or
    /// a copy of one on another site (what `encx convert --family-only` keeps).
    public var isEncyclopediaPage: Bool
}

/// The stages in order: read metadata → remove junk → find the article → categories → licence and
/// footer → article-information panel → table of contents → walk the body (asking the chrome
/// filter) → sections and TOC check → references → ISBNs → site and warnings.
struct ExtractionPipeline {
    let document: Document
    let callerURL: String?
    let origin: PageOrigin
    let options: ExtractionOptions
    let deadline: Deadline
    let recordingRemovals: Bool

    func run() throws(ExtractionError) -> Extraction {
        func check(_ stage: String) throws(ExtractionError) { try deadline.check(input: document.input, stage: stage) }
        let metadata = MetadataReader.read(document)
        var removals = RemovalLog(enabled: recordingRemovals)
        var warnings: [Warning] = []
        ChromeFilter.removeJunk(from: document, log: &removals)

        let region = ArticleLocator.locate(in: document)
        var cleaning = CleaningResult(removals: RemovalLog(enabled: recordingRemovals))
        if let contentRoot = region.root {
            Cleaner.readCategories(in: document, contentRoot: contentRoot, protected: region.protected, result: &cleaning)
        }
        try check("cleaning")
        Cleaner.findBoilerplate(in: document, result: &cleaning)
        removals.append(cleaning.removals)
        try check("the licence search")
        let information = ArticleInformationReader.read(cues: cleaning.articleInformationCues, region: region, log: &removals)

        ArticleLocator.recordOutside(of: region, in: &removals)
        let toc = region.root.flatMap { TOCReader.read(in: $0) } ?? document.root.flatMap { TOCReader.readSidebar(in: $0) }
        var walker: BodyWalker?
        if let contentRoot = region.root {
            var body = BodyWalker(
                region: region, root: contentRoot, toc: toc?.box, boilerplate: NodeSet(cleaning.boilerplate, in: document),
                language: metadata.language, options: options, deadline: deadline, recordingRemovals: recordingRemovals)
            body.walk()
            try check("the body walk")
            removals.append(body.removals)
            walker = body
        }
        let events = walker?.events ?? []
        let tocEntries = toc?.entries ?? []
        let body = Reconciler.reconcile(events: events, toc: tocEntries, repair: options.repairStructure, language: metadata.language)
        warnings += body.warnings
        let markerLabels = region.root.map { CitationLabels.read(in: $0) } ?? [:]
        let referenceOutput = ReferenceReader.read(body: body, language: metadata.language, markerLabels: markerLabels)
        warnings += referenceOutput.warnings
        try check("the references")
        let infobox = walker?.infobox ?? []
        var collector = ISBNCollector()
        collector.collect(body: body, infobox: infobox, references: referenceOutput.references)

        // Title.
        var title = region.title?.text ?? ""
        if title.isEmpty, let head = metadata.titleElement {
            title = SiteRecognizer.articleName(fromTitle: head)
            warnings.append(Warning(code: .titleFromHead,
                                    message: "The page has no article heading (<h1>); the title comes from its <title>."))
        }

        // Source and site.
        let savedFrom = document.savedFromURL ?? origin.savedFromURL
        let url = origin.fetchedURL ?? metadata.canonicalURL ?? savedFrom ?? metadata.openGraphURL ?? callerURL
        let recognition = SiteRecognizer.recognise(
            metadata: metadata, urls: [origin.fetchedURL, metadata.canonicalURL, savedFrom, metadata.openGraphURL, callerURL].compactMap { $0 },
            licenceText: cleaning.licenceText, footerFound: cleaning.footerFound)
        if recognition.site == nil {
            let upstream = recognition.upstream.map { " (it copies \($0.site))" } ?? ""
            warnings.append(Warning(code: .unrecognisedSite,
                                    message: "No known encyclopedia site was recognised from the page's hosts, title, logos or licence text\(upstream); the article is a best effort."))
        }
        warnings += documentWarnings()
        if recognition.role != nil || recognition.isMediaWiki, cleaning.license == nil {
            warnings.append(Warning(code: .licenseMissing,
                                    message: "The page has no licence block; the article's licence is unknown."))
        }
        if collector.dropped > 0 {
            warnings.append(Warning(code: .isbnLimit,
                                    message: "The page holds more than \(Article.maximumISBNs) distinct ISBNs; \(collector.dropped) more were not kept."))
        }
        for isbn in collector.isbns where !isbn.valid {
            warnings.append(Warning(code: .isbnInvalid,
                                    message: "ISBN \(isbn.text) (in \(Self.places(isbn.foundIn))) fails its checksum; it is kept with \"valid\": false."))
        }
        if body.lead.isEmpty && body.sections.isEmpty {
            warnings.append(Warning(code: .emptyArticle, message: "No article text was found on the page."))
        }

        var article = Article(
            title: title,
            source: Source(url: url, site: recognition.site, encoding: document.encoding.encoding.name,
                           upstream: recognition.upstream, articleId: information.articleId, catalog: information.catalog),
            language: metadata.language,
            lead: body.lead.map(\.block),
            sections: body.sections.map(\.publicSection),
            tableOfContents: tocEntries,
            references: referenceOutput.references.map(\.reference),
            isbns: collector.isbns,
            infobox: infobox,
            categories: cleaning.categories,
            license: cleaning.license,
            warnings: warnings)
        if document.holdsReplacementCharacter, case let lost = article.replacementCharacterCount, lost > 0 {
            let cause = document.repairs.replacedSequences > 0
                ? "lost before the page was saved, or replaced while it was decoded (see encoding-repaired)"
                : "characters the page had already lost when it was saved"
            article.warnings.append(Warning(code: .replacementCharacters,
                                            message: "\(lost) character(s) of the article's text are U+FFFD, the replacement character: \(cause)."))
        }
        article.stampFingerprint()
        return Extraction(article: article, removals: removals.removals, encodingExplanation: document.encoding.description,
                          isEncyclopediaPage: recognition.isEncyclopediaPage)
    }

    /// Places for a message: all of them, or the first three and how many more.
    static func places(_ paths: [String]) -> String {
        paths.count <= 3 ? paths.joined(separator: ", ") : paths.prefix(3).joined(separator: ", ") + " and \(paths.count - 3) more"
    }

    private func documentWarnings() -> [Warning] {
        var warnings: [Warning] = []
        if let truncation = document.truncation {
            let message = truncation.isDepthLimit
                ? "The page nests elements deeper than \(truncation.depthLimit) levels; libxml2 stopped there and the rest of the page is missing (allow deep nesting to read it)."
                : "libxml2 stopped reading the page early (\(truncation.libxml2Message)); the rest of the page is missing."
            warnings.append(Warning(code: .parseTruncated, message: message))
        }
        if document.repairs.replacedSequences > 0 {
            warnings.append(Warning(code: .encodingRepaired,
                                    message: "\(document.repairs.replacedSequences) byte sequence(s) invalid in \(document.encoding.encoding.name) were replaced with U+FFFD."))
        }
        if document.repairs.removedNULs > 0 {
            warnings.append(Warning(code: .nulRemoved, message: "\(document.repairs.removedNULs) NUL character(s) were removed."))
        }
        if document.encoding.basis == .windows1252Fallback {
            warnings.append(Warning(code: .encodingGuessed,
                                    message: "The page declares no encoding and is not valid UTF-8; it was read as windows-1252."))
        }
        if let ignored = document.encoding.ignoredDeclaration {
            warnings.append(Warning(code: .charsetUnknown,
                                    message: "The page declares the unknown charset \"\(ignored)\"; it was read as \(document.encoding.encoding.name)."))
        }
        return warnings
    }
}
