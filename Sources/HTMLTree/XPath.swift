import CLibXML2

/// An XPath expression that libxml2 rejected or that does not select nodes.
public struct XPathError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The expression as given.
    public let expression: String
    /// libxml2's reason, e.g. "Invalid expression".
    public let reason: String

    public var description: String { "XPath \"\(expression)\": \(reason)" }
}

extension Document {
    /// The nodes an XPath 1.0 expression selects from the top of the document, in document order.
    /// - Throws: ``XPathError`` naming the expression when it does not compile or selects no node-set.
    public func select(_ expression: String) throws(XPathError) -> [Node] {
        try evaluate(expression, from: nil)
    }

    func evaluate(_ expression: String, from contextIndex: Int32?) throws(XPathError) -> [Node] {
        let mirror: XPathMirror
        if let made = xpathMirror {
            mirror = made
        } else {
            guard let made = XPathMirror(self) else {
                throw XPathError(expression: expression, reason: "no libxml2 copy of the tree (out of memory)")
            }
            xpathMirror = made
            mirror = made
        }
        var contextNode: xmlNodePtr?
        if let contextIndex {
            guard let node = mirror.node(at: contextIndex) else {
                throw XPathError(expression: expression, reason: "the context node was removed from its document")
            }
            contextNode = node
        }
        guard let context = xmlXPathNewContext(mirror.document) else {
            throw XPathError(expression: expression, reason: "no XPath context (out of memory)")
        }
        defer { xmlXPathFreeContext(context) }
        // Errors are kept in the context's lastError instead of being printed on stderr.
        context.pointee.error = { _, _ in }
        if let contextNode { context.pointee.node = contextNode }
        guard let compiled = xmlXPathCtxtCompile(context, expression) else {
            throw XPathError(expression: expression, reason: Self.lastErrorMessage(context) ?? "does not compile")
        }
        defer { xmlXPathFreeCompExpr(compiled) }
        guard let result = xmlXPathCompiledEval(compiled, context) else {
            throw XPathError(expression: expression, reason: Self.lastErrorMessage(context) ?? "evaluation failed")
        }
        defer { xmlXPathFreeObject(result) }
        guard result.pointee.type == XPATH_NODESET else {
            throw XPathError(expression: expression, reason: "selects a value, not nodes")
        }
        guard let set = result.pointee.nodesetval, set.pointee.nodeNr > 0, let table = set.pointee.nodeTab else {
            return []
        }
        var nodes: [Node] = []
        nodes.reserveCapacity(Int(set.pointee.nodeNr))
        for position in 0..<Int(set.pointee.nodeNr) {
            if let node = table[position], let index = XPathMirror.index(of: node) {
                nodes.append(Node(document: self, index: index))
            }
        }
        return nodes
    }

    private static func lastErrorMessage(_ context: xmlXPathContextPtr) -> String? {
        guard let message = context.pointee.lastError.message else { return nil }
        return String(cString: message).trimmingASCIIWhitespace()
    }
}

extension Node {
    /// The nodes an XPath 1.0 expression selects with this node as the context node.
    /// - Throws: ``XPathError`` naming the expression when it does not compile or selects no node-set,
    ///   or when this node has been removed from its document.
    public func select(_ expression: String) throws(XPathError) -> [Node] {
        try document.evaluate(expression, from: index)
    }
}

/// A libxml2 copy of a document's tree, for XPath: each copied node carries its index in the
/// document (in libxml2's `_private` field), so results map back to ``Node`` values.
final class XPathMirror {
    let document: htmlDocPtr
    /// The copy of each node, by index (nil for removed nodes and for what XPath does not see).
    private var copies: [xmlNodePtr?]

    init?(_ source: Document) {
        guard let document = htmlNewDocNoDtD(nil, nil) else { return nil }
        self.document = document
        copies = Array(repeating: nil, count: source.nodeCount)
        let top = UnsafeMutableRawPointer(document).assumingMemoryBound(to: xmlNode.self)
        // Copy the attached tree in document order, parents before children.
        var cursor = SubtreeCursor(nodes: source.nodes, root: 0)
        while let current = cursor.next() {
            let record = source.nodes[Int(current)]
            if let copy = Self.copy(record, of: source, into: document) {
                copy.pointee._private = UnsafeMutableRawPointer(bitPattern: Int(current) + 1)
                copies[Int(current)] = copy
                let parent = record.parent == 0 ? top : copies[Int(record.parent)]
                if let parent { Self.append(copy, to: parent) }
            }
        }
    }

    deinit {
        xmlFreeDoc(document)
    }

    func node(at index: Int32) -> xmlNodePtr? {
        copies[Int(index)]
    }

    static func index(of node: xmlNodePtr) -> Int32? {
        guard node.pointee.type != XML_ATTRIBUTE_NODE, node.pointee.type != XML_NAMESPACE_DECL,
            let tag = node.pointee._private
        else { return nil }
        return Int32(Int(bitPattern: tag) - 1)
    }

    private static func copy(_ record: NodeRecord, of source: Document, into document: htmlDocPtr) -> xmlNodePtr? {
        // For an element, `start` and `length` place its attributes: read only for the other kinds.
        let content = source.content(of: record)
        switch record.code {
        case .element:
            let name = source.names.utf8(of: HTMLName(id: record.name)) + [0]
            guard let element = xmlNewDocNode(document, nil, name, nil) else { return nil }
            for position in record.attributePositions {
                let attribute = source.attributes[position]
                let attributeName = source.names.utf8(of: HTMLName(id: attribute.name)) + [0]
                if attribute.hasValue {
                    let value = Array(source.value(of: attribute)) + [0]
                    xmlNewProp(element, attributeName, value)
                } else {
                    xmlNewProp(element, attributeName, nil)
                }
            }
            return element
        case .text:
            return xmlNewDocTextLen(document, content.baseAddress, Int32(content.count))
        case .cdata:
            return xmlNewCDataBlock(document, content.baseAddress, Int32(content.count))
        case .comment:
            return xmlNewDocComment(document, Array(content) + [0])
        case .processingInstruction:
            return xmlNewDocPI(document, source.names.utf8(of: HTMLName(id: record.name)) + [0], Array(content) + [0])
        case .document, .doctype:
            return nil
        }
    }

    /// Links `child` as the last child of `parent` (not `xmlAddChild`, which would merge two adjacent
    /// text nodes that a removal left side by side, and so lose one of their indexes).
    private static func append(_ child: xmlNodePtr, to parent: xmlNodePtr) {
        child.pointee.parent = parent
        if let last = parent.pointee.last {
            last.pointee.next = child
            child.pointee.prev = last
        } else {
            parent.pointee.children = child
        }
        parent.pointee.last = child
    }
}
