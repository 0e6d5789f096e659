import CLibXML2

/// libxml2's parser globals, set up once per process before the first parse on any thread.
/// `xmlCleanupParser()` is never called: other code in the process may still use libxml2.
let libxml2Initialisation: Void = xmlInitParser()

/// A parsed HTML page. Owns its tree and frees it, once, when the last reference goes.
///
/// libxml2's HTML parser reads the page (tag soup recovery, implied elements, entities) and its SAX
/// events build the tree in a few flat stores of this document's own (see `TreeBuilder`), the same tree
/// libxml2's tree builder makes at a fraction of its allocations. XPath queries run on a libxml2 copy
/// of the tree, made on the first query.
///
/// A document and its nodes belong to one task at a time: parse one document per task and never hand
/// its nodes to another thread. Different documents can be parsed and read on many threads at once.
///
/// ```swift
/// let document = try Document(bytes: Array(html.utf8), input: "page.html")
/// let heading = try document.select("//h1").first?.text
/// ```
public final class Document {
    /// The nodes, in document order; index 0 is the document itself.
    @usableFromInline let nodes: UnsafeMutablePointer<NodeRecord>
    /// How many nodes the parse made (removed ones included): every ``Node/ordinal`` is below this.
    public let nodeCount: Int
    /// Text, comment and attribute-value bytes (UTF-8).
    let bytes: UnsafeMutablePointer<UInt8>
    /// How many bytes `bytes` holds.
    let storedByteCount: Int
    let attributes: UnsafeMutablePointer<AttributeRecord>
    let names: NameTable
    /// The libxml2 copy XPath queries run on; made on the first query, dropped when the tree changes.
    var xpathMirror: XPathMirror?

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
    /// Set when parsing stopped before the end of the page; what followed the cut is missing.
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
        let outcome = bytes.withUnsafeBytes { raw -> Result<EncodingDecision, DocumentError> in
            do throws(DocumentError) {
                try InputCheck.check(raw, input: input, options: options)
            } catch {
                return .failure(error)
            }
            return .success(EncodingSniffer.decide(raw, forced: options.forcedEncoding, transportLabel: options.transportCharset))
        }
        let decision = try outcome.get()
        let decoded = InputDecoder.decode(bytes, as: decision.encoding)
        try InputCheck.checkDecoded(decoded.utf8, input: input)
        guard decoded.utf8.count <= Int(Int32.max) else {
            throw DocumentError(input: input, reason: .tooLarge(size: decoded.utf8.count, limit: Int(Int32.max)))
        }

        let tree = try Self.build(decoded.utf8, input: input, allowsDeepNesting: options.allowsDeepNesting)
        nodes = tree.builder.nodes.base
        nodeCount = tree.builder.nodes.count
        numberSubtrees(nodes, count: nodeCount)
        self.bytes = tree.builder.bytes.base
        storedByteCount = tree.builder.bytes.count
        attributes = tree.builder.attributes.base
        names = tree.builder.names
        self.input = input
        byteCount = bytes.count
        encoding = decision
        repairs = DecodingRepairs(replacedSequences: decoded.replacedSequences, removedNULs: decoded.removedNULs)
        savedFromURL = SavedFromComment.url(in: decoded.utf8)
        if let message = tree.halt {
            truncation = ParseTruncation(depthLimit: Int(encx_maximumParserDepth()), libxml2Message: message)
        } else {
            truncation = nil
        }
    }

    /// The flags every parse uses: recover from tag soup, stay silent, never touch the network.
    static let parseFlags = HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
        | HTML_PARSE_NONET.rawValue

    /// One parse of UTF-8 bytes into a tree, and the message of a parse that stopped before the end.
    private static func build(_ utf8: [UInt8], input: String, allowsDeepNesting: Bool) throws(DocumentError)
        -> (builder: TreeBuilder, halt: String?)
    {
        // libxml2 copies the bytes into its own input buffer.
        let made = utf8.withUnsafeBufferPointer { buffer -> htmlParserCtxtPtr? in
            guard let start = buffer.baseAddress else { return nil }
            return start.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                htmlCreateMemoryParserCtxt(base, Int32(buffer.count))
            }
        }
        guard let context = made else {
            throw DocumentError(input: input, reason: .parserFailure(detail: "no parser context (out of memory)"))
        }
        defer { htmlFreeParserCtxt(context) }
        // The bytes are UTF-8 already (decoded above): no converter, and <meta> charsets ignored.
        xmlSwitchEncoding(context, XML_CHAR_ENCODING_UTF8)
        var flags = parseFlags | HTML_PARSE_IGNORE_ENC.rawValue
        if allowsDeepNesting { flags |= XML_PARSE_HUGE.rawValue }
        htmlCtxtUseOptions(context, Int32(bitPattern: flags))
        let state = UnsafeMutablePointer<TreeBuilder>.allocate(capacity: 1)
        state.initialize(to: TreeBuilder(context: context, inputSize: utf8.count,
                                         maximumDepth: allowsDeepNesting ? nil : Int(encx_maximumParserDepth())))
        context.pointee.sax.pointee = TreeBuilder.handler()
        context.pointee.userData = UnsafeMutableRawPointer(state)
        htmlParseDocument(context)
        context.pointee.userData = UnsafeMutableRawPointer(context)
        var builder = state.move()
        state.deallocate()
        builder.finish()
        if let halt = builder.halt { return (builder, halt) }
        guard encx_parserHalted(context) != 0 else { return (builder, nil) }
        let message = encx_parserLastErrorMessage(context).map { String(cString: $0) } ?? "parser halted"
        return (builder, message.trimmingASCIIWhitespace())
    }

    deinit {
        nodes.deallocate()
        bytes.deallocate()
        attributes.deallocate()
    }

    /// U+FFFD in UTF-8.
    private static let replacementCharacter: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// True when some text, comment or attribute value holds U+FFFD, the replacement character (as the
    /// page was saved, or put there by decoding): a quick test before counting them anywhere.
    public var holdsReplacementCharacter: Bool {
        Self.replacementCharacter.withUnsafeBufferPointer { needle in
            ByteSearch.firstOffset(of: needle, in: UnsafeBufferPointer(start: bytes, count: storedByteCount)) != nil
        }
    }

    /// The `<html>` element (libxml2 supplies one for tag soup that lacks it), or nil for an empty tree.
    public var root: Node? {
        var child = nodes[0].firstChild
        while child >= 0 {
            if nodes[Int(child)].code == .element { return Node(document: self, index: child) }
            child = nodes[Int(child)].next
        }
        return nil
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
