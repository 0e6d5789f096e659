import CLibXML2

/// libxml2's parser globals, set up once per process before the first parse on any thread.
/// `xmlCleanupParser()` is never called: other code in the process may still use libxml2.
let libxml2Initialisation: Void = xmlInitParser()

/// A parsed HTML page. Owns libxml2's document and frees it, once, when the last reference goes.
///
/// A document and its nodes belong to one task at a time: parse one document per task and never hand
/// its nodes to another thread. Different documents can be parsed and read on many threads at once.
///
/// ```swift
/// let document = try Document(bytes: Array(html.utf8), input: "page.html")
/// let heading = try document.select("//h1").first?.text
/// ```
public final class Document {
    let pointer: htmlDocPtr
    private var detachedSubtrees: [xmlNodePtr] = []

    /// The name of the input, as given to the initialiser (used in error messages).
    public let input: String
    /// The number of bytes the page had before decoding.
    public let byteCount: Int
    /// Which encoding the page was decoded from, and why.
    public let encoding: EncodingDecision
    /// What decoding had to repair: invalid sequences replaced, NUL characters removed.
    public let repairs: DecodingRepairs
    /// The URL of a browser's `<!-- saved from url=(NNNN)… -->` comment, if the page has one.
    public let savedFromURL: String?
    /// Set when libxml2 stopped before the end of the page; what followed the cut is missing.
    public let truncation: ParseTruncation?

    /// Parses a page from its bytes.
    ///
    /// - Parameters:
    ///   - bytes: the page as saved, in any encoding ``EncodingSniffer`` recognises.
    ///   - input: a name for the page in errors, e.g. its path.
    ///   - options: limits and an optional forced encoding.
    /// - Throws: ``DocumentError`` naming `input` and the reason.
    public init(bytes: [UInt8], input: String = "<input>", options: ParseOptions = ParseOptions()) throws(DocumentError) {
        _ = libxml2Initialisation
        let outcome = bytes.withUnsafeBytes { raw -> Result<(EncodingDecision, DecodedInput), DocumentError> in
            do throws(DocumentError) {
                try InputCheck.check(raw, input: input, options: options)
            } catch {
                return .failure(error)
            }
            let decision = EncodingSniffer.decide(raw, forced: options.forcedEncoding, transportLabel: options.transportCharset)
            return .success((decision, InputDecoder.decode(raw, as: decision.encoding)))
        }
        let prepared: (decision: EncodingDecision, decoded: DecodedInput) = try outcome.get()
        let decoded = prepared.decoded
        try InputCheck.checkDecoded(decoded.utf8, input: input)
        guard decoded.utf8.count <= Int(Int32.max) else {
            throw DocumentError(input: input, reason: .tooLarge(size: decoded.utf8.count, limit: Int(Int32.max)))
        }

        var flags = Self.parseFlags | HTML_PARSE_IGNORE_ENC.rawValue
        if options.allowsDeepNesting { flags |= XML_PARSE_HUGE.rawValue }
        var parse = try Self.parse(decoded.utf8, flags: flags, input: input)
        if let halt = parse.halt, halt.contains(Self.hugeTextMessage), flags & XML_PARSE_HUGE.rawValue == 0 {
            // A text node over libxml2's 10,000,000-byte limit (a giant inline script, say) halts the
            // parser. The input is already bounded by maximumInputSize, so read it again without
            // libxml2's size limits rather than lose the rest of the page.
            xmlFreeDoc(parse.document)
            parse = try Self.parse(decoded.utf8, flags: flags | XML_PARSE_HUGE.rawValue, input: input)
        }
        pointer = parse.document
        self.input = input
        byteCount = bytes.count
        encoding = prepared.decision
        repairs = DecodingRepairs(replacedSequences: decoded.replacedSequences, removedNULs: decoded.removedNULs)
        savedFromURL = SavedFromComment.url(in: decoded.utf8)
        if let message = parse.halt {
            truncation = ParseTruncation(depthLimit: Int(encx_maximumParserDepth()), libxml2Message: message)
        } else {
            truncation = nil
        }
    }

    /// The flags every parse uses: recover from tag soup, stay silent, never touch the network.
    static let parseFlags = HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
        | HTML_PARSE_NONET.rawValue

    /// libxml2's message when a text node passes its size limit (`XML_MAX_TEXT_LENGTH`).
    static let hugeTextMessage = "huge text node"

    /// One libxml2 parse: the document, and libxml2's message when it halted before the end.
    private static func parse(_ utf8: [UInt8], flags: UInt32, input: String) throws(DocumentError) -> (document: htmlDocPtr, halt: String?) {
        guard let context = htmlNewParserCtxt() else {
            throw DocumentError(input: input, reason: .parserFailure(detail: "no parser context (out of memory)"))
        }
        defer { htmlFreeParserCtxt(context) }
        let parsed = utf8.withUnsafeBufferPointer { buffer -> htmlDocPtr? in
            guard let start = buffer.baseAddress else { return nil }
            return start.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                htmlCtxtReadMemory(context, base, Int32(buffer.count), nil, "UTF-8", Int32(bitPattern: flags))
            }
        }
        guard let parsed else {
            let message = encx_parserLastErrorMessage(context).map { String(cString: $0) } ?? "no document returned"
            throw DocumentError(input: input, reason: .parserFailure(detail: message.trimmingASCIIWhitespace()))
        }
        guard encx_parserHalted(context) != 0 else { return (parsed, nil) }
        let message = encx_parserLastErrorMessage(context).map { String(cString: $0) } ?? "parser halted"
        return (parsed, message.trimmingASCIIWhitespace())
    }

    deinit {
        // Detached subtrees first: their names may live in the document's dictionary.
        for subtree in detachedSubtrees { xmlFreeNode(subtree) }
        xmlFreeDoc(pointer)
    }

    /// The `<html>` element (libxml2 supplies one for tag soup that lacks it), or nil for an empty tree.
    public var root: Node? {
        xmlDocGetRootElement(pointer).map { Node(document: self, pointer: $0) }
    }

    func retainDetached(_ node: xmlNodePtr) {
        detachedSubtrees.append(node)
    }
}

/// What decoding changed in a page's text.
public struct DecodingRepairs: Sendable, Equatable {
    /// Byte sequences invalid in the page's encoding, each replaced by U+FFFD.
    public let replacedSequences: Int
    /// NUL characters removed.
    public let removedNULs: Int
    /// True when decoding changed nothing.
    public var isEmpty: Bool { replacedSequences == 0 && removedNULs == 0 }
}

/// libxml2 stopped parsing before the end of the input, so the tree lacks whatever followed.
public struct ParseTruncation: Sendable, Equatable, CustomStringConvertible {
    /// libxml2's nesting limit in force (256 unless `HTML_PARSE_HUGE`).
    public let depthLimit: Int
    /// libxml2's own message, e.g. "Excessive depth in document: 256 use XML_PARSE_HUGE option".
    public let libxml2Message: String

    /// True when the cut is libxml2's nesting limit ("Excessive depth in document").
    public var isDepthLimit: Bool { libxml2Message.lowercased().contains("depth") }

    public var description: String {
        "libxml2 stopped parsing early (\(libxml2Message)); content after the cut is missing"
    }
}
