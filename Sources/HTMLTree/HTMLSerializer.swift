/// Writes a subtree back as HTML, for diagnostics (``Node/outerHTML``): elements with their
/// attributes, text escaped, comments kept; void elements without an end tag.
enum HTMLSerializer {
    /// Elements that have no end tag in HTML.
    static let voidElements = HTMLNameSet([
        "area", "base", "basefont", "br", "col", "embed", "frame", "hr", "img", "input", "isindex", "keygen", "link",
        "meta", "param", "source", "track", "wbr",
    ])
    /// Elements whose text is written as it is (script and style bodies).
    static let rawTextElements = HTMLNameSet(["script", "style"])

    static func write(_ node: Node, into output: inout [UInt8]) {
        let document = node.document
        // An explicit stack of open elements keeps deep trees off the call stack.
        var open: [Int32] = []
        var current = node.index
        while true {
            let record = document.nodes[Int(current)]
            var descended = false
            switch record.code {
            case .element:
                let name = document.names.utf8(of: HTMLName(id: record.name))
                output.append(UInt8(ascii: "<"))
                output.append(contentsOf: name)
                for position in record.attributePositions {
                    let attribute = document.attributes[position]
                    output.append(0x20)
                    output.append(contentsOf: document.names.utf8(of: HTMLName(id: attribute.name)))
                    guard attribute.hasValue else { continue }
                    output.append(contentsOf: Array("=\"".utf8))
                    escape(document.value(of: attribute),
                           into: &output, quotes: true)
                    output.append(UInt8(ascii: "\""))
                }
                output.append(UInt8(ascii: ">"))
                if voidElements.contains(HTMLName(id: record.name)) { break }
                open.append(current)
                if record.firstChild >= 0 {
                    current = record.firstChild
                    descended = true
                } else {
                    open.removeLast()
                    closeTag(name, into: &output)
                }
            case .text, .cdata:
                let content = document.content(of: record)
                if record.parent >= 0, document.nodes[Int(record.parent)].code == .element,
                    rawTextElements.contains(HTMLName(id: document.nodes[Int(record.parent)].name))
                {
                    output.append(contentsOf: content)
                } else {
                    escape(content, into: &output, quotes: false)
                }
            case .comment:
                output.append(contentsOf: Array("<!--".utf8))
                output.append(contentsOf: document.content(of: record))
                output.append(contentsOf: Array("-->".utf8))
            case .processingInstruction:
                output.append(contentsOf: Array("<?".utf8))
                output.append(contentsOf: document.names.utf8(of: HTMLName(id: record.name)))
                output.append(0x20)
                output.append(contentsOf: document.content(of: record))
                output.append(UInt8(ascii: ">"))
            case .document, .doctype:
                break
            }
            if descended { continue }
            // Climb out of finished elements to the next sibling.
            while true {
                if current == node.index { return }
                let next = document.nodes[Int(current)].next
                if next >= 0 {
                    current = next
                    break
                }
                guard let parent = open.popLast() else { return }
                closeTag(document.names.utf8(of: HTMLName(id: document.nodes[Int(parent)].name)), into: &output)
                current = parent
            }
        }
    }

    private static func closeTag(_ name: [UInt8], into output: inout [UInt8]) {
        output.append(contentsOf: Array("</".utf8))
        output.append(contentsOf: name)
        output.append(UInt8(ascii: ">"))
    }

    private static func escape(_ text: UnsafeBufferPointer<UInt8>, into output: inout [UInt8], quotes: Bool) {
        for byte in text {
            switch byte {
            case UInt8(ascii: "&"): output.append(contentsOf: Array("&amp;".utf8))
            case UInt8(ascii: "<"): output.append(contentsOf: Array("&lt;".utf8))
            case UInt8(ascii: ">"): output.append(contentsOf: Array("&gt;".utf8))
            case UInt8(ascii: "\"") where quotes: output.append(contentsOf: Array("&quot;".utf8))
            default: output.append(byte)
            }
        }
    }
}
