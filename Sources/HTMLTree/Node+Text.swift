/// The text of a node and its subtree, read from the stored bytes.
extension Node {
    /// The node's text with whitespace collapsed to single spaces and trimmed; script and style
    /// contents and comments are left out.
    public var text: String {
        var buffer = TextBuffer()
        buffer.append(textOf: self)
        return buffer.take()
    }

    /// The length of ``text`` in Unicode scalars (each run of whitespace counting one), counted on
    /// the stored bytes without making the string.
    public var textLength: Int {
        var counter = TextLengthCounter()
        _ = forEachTextPiece { piece in
            switch piece {
            case .content(let bytes): counter.count(bytes)
            case .lineBreak: counter.countBreak()
            }
            return true
        }
        return counter.length
    }

    /// The first character of ``text`` (nil when it is empty), found without gathering the text.
    public var firstTextCharacter: Character? {
        var first: Character?
        _ = forEachTextPiece { piece in
            if case .content(let bytes) = piece { first = Self.firstCharacter(in: bytes) }
            return first == nil
        }
        return first
    }

    /// The first character after leading whitespace (as ``TextBuffer`` counts it), or nil.
    private static func firstCharacter(in bytes: UnsafeBufferPointer<UInt8>) -> Character? {
        var index = 0
        while index < bytes.count {
            if TextBuffer.isSpace(bytes[index]) {
                index += 1
            } else if bytes[index] == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 {
                index += 2
            } else {
                // A character is at most a few scalars; 32 bytes hold any the pages use.
                return String(decoding: bytes[index..<min(bytes.count, index + 32)], as: UTF8.self).first
            }
        }
        return nil
    }

    /// The text of ``text`` up to about `limit` bytes, and whether that is all of it: the walk stops
    /// as soon as the limit is passed, so asking whether a large element's text is short costs little.
    public func textPrefix(limit: Int) -> (text: String, complete: Bool) {
        var buffer = TextBuffer()
        let complete = forEachTextPiece { piece in
            buffer.append(piece)
            return buffer.byteCount <= limit
        }
        return (buffer.take(), complete)
    }

    /// Calls `body` with each piece of ``text`` in document order: the content of every text node in
    /// the subtree except those directly inside `script`, `style`, `noscript` and `template` (unless
    /// the node asked is that element's own text), and a line break for each `<br>`. Comments never.
    /// `body` returns false to stop the walk.
    /// - Returns: false when `body` stopped the walk inside an element's subtree (a text node alone
    ///   is one piece, read whole).
    @inline(__always)
    func forEachTextPiece(_ body: (TextPiece) -> Bool) -> Bool {
        let own = record
        switch own.code {
        case .text, .cdata:
            _ = body(.content(document.content(of: own)))
            return true
        case .element:
            if TextBuffer.silentElements.contains(HTMLName(id: own.name)) { return true }
        case .comment, .processingInstruction, .document, .doctype:
            return true
        }
        let nodes = document.nodes
        var cursor = SubtreeCursor(nodes: nodes, root: index)
        while let current = cursor.next() {
            let node = nodes[Int(current)]
            switch node.code {
            case .text, .cdata:
                // Text directly inside a silent element (other than the one asked for) is left out.
                if node.parent == index || !TextBuffer.silentElements.contains(HTMLName(id: nodes[Int(node.parent)].name)) {
                    if !body(.content(document.content(of: node))) { return false }
                }
            case .element:
                if node.name == HTMLName.br.id, !body(.lineBreak) { return false }
            default:
                break
            }
        }
        return true
    }

    /// The text of the subtree's text nodes (every one, in whatever element, and no break for `<br>`)
    /// when it is short: nil as soon as more than `maximumNodes` nodes are met or more than
    /// `maximumBytes` bytes of text have been read (before whitespace is collapsed).
    public func shortText(maximumBytes: Int, maximumNodes: Int) -> String? {
        let nodes = document.nodes
        var cursor = SubtreeCursor(nodes: nodes, root: index)
        var visited = 0
        var bytes = 0
        // Measure first: most elements asked are long, and are turned down without copying.
        while let current = cursor.next() {
            visited += 1
            if visited > maximumNodes { return nil }
            let node = nodes[Int(current)]
            guard node.code == .text || node.code == .cdata else { continue }
            bytes += Int(node.length)
            if bytes > maximumBytes { return nil }
        }
        var buffer = TextBuffer()
        cursor = SubtreeCursor(nodes: nodes, root: index)
        while let current = cursor.next() {
            let node = nodes[Int(current)]
            if node.code == .text || node.code == .cdata { buffer.appendContent(document.content(of: node)) }
        }
        return buffer.take()
    }

    /// The node's text exactly as parsed (entities decoded, whitespace as written): a text node's own
    /// content, or every text below an element run together.
    public var rawText: String {
        var collected: [UInt8] = []
        let own = record
        switch own.code {
        case .text, .cdata, .comment, .processingInstruction:
            collected.append(contentsOf: document.content(of: own))
        case .element, .document:
            var cursor = SubtreeCursor(nodes: document.nodes, root: index)
            while let current = cursor.next() {
                let node = document.nodes[Int(current)]
                if node.code == .text || node.code == .cdata { collected.append(contentsOf: document.content(of: node)) }
            }
        case .doctype:
            break
        }
        return String(decoding: collected, as: UTF8.self)
    }
}
