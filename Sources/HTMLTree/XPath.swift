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

    func evaluate(_ expression: String, from contextNode: xmlNodePtr?) throws(XPathError) -> [Node] {
        guard let context = xmlXPathNewContext(pointer) else {
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
        for index in 0..<Int(set.pointee.nodeNr) {
            if let node = table[index], node.pointee.type != XML_ATTRIBUTE_NODE,
                node.pointee.type != XML_NAMESPACE_DECL
            {
                nodes.append(Node(document: self, pointer: node))
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
    /// - Throws: ``XPathError`` naming the expression when it does not compile or selects no node-set.
    public func select(_ expression: String) throws(XPathError) -> [Node] {
        try document.evaluate(expression, from: pointer)
    }
}
