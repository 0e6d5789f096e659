import CLibXML2
import Foundation
import Testing
@testable import HTMLTree

/// The tree ``Document`` builds from libxml2's SAX events must be the tree libxml2's own tree builder
/// makes from the same bytes: same nodes, same order, same names, attributes and text. Both trees are
/// written out node by node (depth, kind, name, attributes, content) and compared line by line.
@Suite struct TreeParityTests {
    static let fixtures: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static let fixtureNames: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []
        return names.filter { $0.hasSuffix(".html") }.sorted()
    }()

    /// Elements nested past libxml2's limit of 256: the parse stops there (with libxml2's message),
    /// unless deep nesting is allowed.
    static let deepNesting = String(repeating: "<div>", count: 300) + "deep" + String(repeating: "</div>", count: 300)
        + "<p>after</p>"

    /// Tag soup that exercises libxml2's placement rules: content after </html>, a DOCTYPE in the
    /// body, comments and processing instructions before and after the root, boolean attributes,
    /// entities in text and attributes, implied elements, CDATA-like script bodies, stray end tags.
    static let snippets: [String] = [
        "<p>one<p>two<ul><li>a<li>b</ul>",
        "<!-- first --><html><body><p>x</p></body></html><p>after the end</p><!-- tail -->",
        "<html><body><p>x</p></body></html><p>after the end</p>text<!-- tail -->",
        "<!DOCTYPE html><html><body><p>x</p></body></html>trailing text<div>late</div>",
        "<html><body><p>x<!DOCTYPE html><p>y</body></html><p>z</p>",
        "<?xml version=\"1.0\"?><html><body><?php echo 1 ?><p>x</p></body></html>",
        "<table><tr><td nowrap>cell<td checked=checked>other</table><input disabled selected>",
        "<p title=\"a &amp; b &lt;c&gt;\">Fish &amp; chips &nbsp;&eacute;&#233;&#x263A;</p>",
        "<head><script>var s = \"<p>not</p>\";</script><style>p{}</style></head>text in body",
        "</div></span><b><i>bold italic</b> text</i><font size=2><p>in font</font>",
        "<html lang=en><HEAD><TITLE>T</TITLE></HEAD><BODY CLASS='A b'><DIV ID=Main>x</DIV></BODY></HTML>",
        "just text <b>then bold</b>",
        "<div>a<!-- c -->b<![CDATA[c]]>d</div>",
        "<select><option>one<option>two</select><textarea>raw <b>x</b></textarea>",
        deepNesting,
        "<body><p>x</p></body><body class=second><p>y</p></body>",
        "<frameset><frame src=a></frameset><noframes><p>no</p></noframes>",
    ]

    @Test(arguments: fixtureNames)
    func fixtureTreesMatchLibxml2(name: String) throws {
        let raw = try [UInt8](Data(contentsOf: Self.fixtures.appendingPathComponent(name)))
        let utf8 = raw.withUnsafeBytes { bytes in
            InputDecoder.decode(bytes, as: EncodingSniffer.decide(bytes, forced: nil).encoding).utf8
        }
        try Self.compare(utf8, deep: false, label: name)
    }

    @Test(arguments: snippets.indices)
    func tagSoupTreesMatchLibxml2(index: Int) throws {
        try Self.compare(Array(Self.snippets[index].utf8), deep: false, label: "snippet \(index)")
    }

    @Test func deepTreesMatchLibxml2WhenDeepNestingIsAllowed() throws {
        try Self.compare(Array(Self.deepNesting.utf8), deep: true, label: "deep nesting")
    }

    private static func compare(_ utf8: [UInt8], deep: Bool, label: String) throws {
        let document = try Document(bytes: utf8, input: label, options: ParseOptions(allowsDeepNesting: deep, forcedEncoding: .utf8))
        let ours = describe(document)
        let (theirs, libxml2Halt) = try describeLibxml2Tree(utf8, deep: deep)
        let firstDifference = zip(ours, theirs).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        if let line = firstDifference {
            Issue.record("\(label): line \(line) differs: ours \(ours[line]) | libxml2 \(theirs[line])")
        }
        #expect(ours.count == theirs.count, "\(label): \(ours.count) nodes, libxml2 \(theirs.count)")
        #expect(document.truncation?.libxml2Message == libxml2Halt)
    }

    /// Our tree, from the document's children down, one line a node.
    private static func describe(_ document: Document) -> [String] {
        var lines: [String] = []
        var current = document.nodes[0].firstChild
        while current >= 0 {
            let record = document.nodes[Int(current)]
            let node = Node(document: document, index: current)
            var depth = 0
            var up = record.parent
            while up > 0 { depth += 1; up = document.nodes[Int(up)].parent }
            switch record.code {
            case .element:
                let attributes = node.attributes.map { "\($0.name)=\($0.value)" }.joined(separator: ",")
                lines.append("\(depth) E \(node.name) [\(attributes)]")
            case .text: lines.append("\(depth) T \(node.rawText)")
            case .cdata: lines.append("\(depth) C \(node.rawText)")
            case .comment: lines.append("\(depth) M \(node.rawText)")
            case .processingInstruction: lines.append("\(depth) P \(node.name) \(node.rawText)")
            case .document, .doctype: break
            }
            current = Self.linkSuccessor(of: current, in: document)
        }
        return lines
    }

    /// The next node in document order by following child, sibling and parent links only.
    static func linkSuccessor(of node: Int32, in document: Document, within root: Int32 = 0) -> Int32 {
        let record = document.nodes[Int(node)]
        if record.firstChild >= 0 { return record.firstChild }
        var current = node
        while current != root {
            let up = document.nodes[Int(current)]
            if up.next >= 0 { return up.next }
            if up.parent < 0 { return -1 }
            current = up.parent
        }
        return -1
    }

    /// Walks by node number (``Node/descendants``) visit what the links reach, in the same order,
    /// also after subtrees have been removed, and from inside a removed subtree.
    @Test(arguments: fixtureNames)
    func numberedWalksMatchLinkWalks(name: String) throws {
        let raw = try [UInt8](Data(contentsOf: Self.fixtures.appendingPathComponent(name)))
        let document = try Document(bytes: raw, input: name)
        let root = try #require(document.root)
        func linkWalk(_ from: Node) -> [Int] {
            var order: [Int] = []
            var current = document.nodes[from.ordinal].firstChild
            while current >= 0 {
                order.append(Int(current))
                current = Self.linkSuccessor(of: current, in: document, within: Int32(from.ordinal))
            }
            return order
        }
        #expect(root.descendants.map(\.ordinal) == linkWalk(root))
        // Remove every third list and table, and a nested element inside a removed one.
        let doomed = root.descendants.filter { $0.isElement(.ul) || $0.isElement(.table) }.enumerated()
            .filter { $0.offset % 3 == 0 }.map(\.element)
        for node in doomed { node.remove() }
        if let inner = doomed.first?.descendants.first(where: \.isElement) { inner.remove() }
        #expect(root.descendants.map(\.ordinal) == linkWalk(root))
        for node in doomed {
            #expect(node.descendants.map(\.ordinal) == linkWalk(node))
        }
        let texts = root.descendants.filter(\.isElement).prefix(200)
        for element in texts {
            #expect(element.textLength == element.text.unicodeScalars.count, "\(name): <\(element.name)>")
        }
    }

    /// libxml2's own tree of the same bytes (UTF-8, encoding declarations ignored, as `Document`
    /// parses), written the same way; the document type node is left out on both sides (libxml2 adds
    /// a default one after parsing).
    private static func describeLibxml2Tree(_ utf8: [UInt8], deep: Bool) throws -> (lines: [String], halt: String?) {
        var flags = Document.parseFlags | HTML_PARSE_IGNORE_ENC.rawValue
        if deep { flags |= XML_PARSE_HUGE.rawValue }
        let context = try #require(htmlNewParserCtxt())
        defer { htmlFreeParserCtxt(context) }
        let parsed = utf8.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlCtxtReadMemory(context, $0, Int32(buffer.count), nil, "UTF-8", Int32(bitPattern: flags))
            }
        }
        let document = try #require(parsed)
        defer { xmlFreeDoc(document) }
        let halt = encx_parserHalted(context) != 0
            ? encx_parserLastErrorMessage(context).map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) }
            : nil
        var lines: [String] = []
        func content(_ node: xmlNodePtr) -> String {
            node.pointee.content.map { String(cString: $0) } ?? ""
        }
        func walk(_ first: xmlNodePtr?, depth: Int) {
            var current = first
            while let node = current {
                switch node.pointee.type {
                case XML_ELEMENT_NODE:
                    var attributes: [String] = []
                    var property = node.pointee.properties
                    while let attribute = property {
                        var value = ""
                        var child = attribute.pointee.children
                        while let text = child {
                            value += text.pointee.content.map { String(cString: $0) } ?? ""
                            child = text.pointee.next
                        }
                        attributes.append("\(String(cString: attribute.pointee.name))=\(value)")
                        property = attribute.pointee.next
                    }
                    lines.append("\(depth) E \(String(cString: node.pointee.name)) [\(attributes.joined(separator: ","))]")
                    walk(node.pointee.children, depth: depth + 1)
                case XML_TEXT_NODE: lines.append("\(depth) T \(content(node))")
                case XML_CDATA_SECTION_NODE: lines.append("\(depth) C \(content(node))")
                case XML_COMMENT_NODE: lines.append("\(depth) M \(content(node))")
                case XML_PI_NODE: lines.append("\(depth) P \(String(cString: node.pointee.name)) \(content(node))")
                default: break
                }
                current = node.pointee.next
            }
        }
        walk(document.pointee.children, depth: 0)
        return (lines, halt)
    }
}
