/// Writes articles as JSON bytes directly, with keys in sorted order: the same bytes Foundation's
/// `JSONEncoder` gives with `.sortedKeys` and `.withoutEscapingSlashes` (and `.prettyPrinted` when
/// `pretty`), several times faster, since nothing is boxed on the way. `ArticleJSONTests` checks the
/// bytes against `JSONEncoder` for every fixture; `Codable` stays the model's reading side.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    private let pretty: Bool
    private var depth = 0
    /// Whether the container being written has an element yet.
    private var hasElement: [Bool] = []
    /// Extra members of the article object, pre-rendered JSON, placed among its keys in sorted order.
    private var extras: [(name: String, json: [UInt8])] = []

    init(pretty: Bool, capacity: Int = 16 * 1024) {
        self.pretty = pretty
        bytes.reserveCapacity(capacity)
    }

    // MARK: Structure

    private mutating func newline() {
        bytes.append(0x0A)
        for _ in 0..<depth { bytes.append(0x20); bytes.append(0x20) }
    }

    private mutating func open(_ byte: UInt8) {
        bytes.append(byte)
        depth += 1
        hasElement.append(false)
    }

    private mutating func close(_ byte: UInt8) {
        let hadElements = hasElement.removeLast()
        depth -= 1
        if pretty {
            // JSONEncoder writes an empty container as an opening, a blank line and the closing.
            if !hadElements { bytes.append(0x0A) }
            newline()
        }
        bytes.append(byte)
    }

    /// Before an element of the current container: the comma and the line break.
    private mutating func element() {
        if hasElement[hasElement.count - 1] { bytes.append(UInt8(ascii: ",")) } else { hasElement[hasElement.count - 1] = true }
        if pretty { newline() }
    }

    mutating func object(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "{"))
        body(&self)
        close(UInt8(ascii: "}"))
    }

    mutating func array<Element>(_ elements: [Element], _ body: (inout JSONWriter, Element) -> Void) {
        open(UInt8(ascii: "["))
        for item in elements {
            element()
            body(&self, item)
        }
        close(UInt8(ascii: "]"))
    }

    /// Starts a member of the current object; the value is written next.
    mutating func key(_ name: StaticString) {
        if !extras.isEmpty, depth == 1 { writeExtras(before: name.description) }
        element()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        if pretty {
            bytes.append(0x20); bytes.append(UInt8(ascii: ":")); bytes.append(0x20)
        } else {
            bytes.append(UInt8(ascii: ":"))
        }
    }

    private mutating func writeExtras(before name: String?) {
        while let extra = extras.first, name.map({ extra.name < $0 }) ?? true {
            extras.removeFirst()
            element()
            string(extra.name)
            bytes.append(contentsOf: pretty ? Array(" : ".utf8) : [UInt8(ascii: ":")])
            bytes.append(contentsOf: extra.json)
        }
    }

    // MARK: Values

    mutating func null() { bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]) }

    mutating func bool(_ value: Bool) {
        if value { bytes.append(contentsOf: [0x74, 0x72, 0x75, 0x65]) } else { bytes.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65]) }
    }

    mutating func int(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

    mutating func string(_ value: String?) {
        guard var value else { return null() }
        bytes.append(UInt8(ascii: "\""))
        value.withUTF8 { source in
            var runStart = 0
            for index in 0..<source.count {
                let byte = source[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index]))
                runStart = index + 1
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<source.count]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func strings(_ values: [String]) { array(values) { $0.string($1) } }
}

// MARK: The model, keys in sorted order (the order JSONEncoder's .sortedKeys gives)

extension JSONWriter {
    mutating func write(_ article: Article, adding members: [(name: String, json: [UInt8])] = []) {
        extras = members.sorted { $0.name < $1.name }
        object { json in
            json.key("categories"); json.strings(article.categories)
            json.key("infobox"); json.array(article.infobox) { json, field in
                json.object { json in
                    json.key("label"); json.string(field.label)
                    json.key("value"); json.string(field.value)
                }
            }
            json.key("isbns"); json.array(article.isbns) { json, isbn in json.write(isbn) }
            json.key("language"); json.string(article.language)
            json.key("lead"); json.array(article.lead) { json, block in json.write(block) }
            json.key("license")
            if let license = article.license {
                json.object { json in
                    json.key("attribution"); json.string(license.attribution)
                    json.key("name"); json.string(license.name)
                    json.key("url"); json.string(license.url)
                }
            } else {
                json.null()
            }
            json.key("references"); json.array(article.references) { json, reference in json.write(reference) }
            json.key("schemaVersion"); json.int(article.schemaVersion)
            json.key("sections"); json.array(article.sections) { json, section in json.write(section) }
            json.key("source"); json.object { json in
                json.key("encoding"); json.string(article.source.encoding)
                json.key("site"); json.string(article.source.site)
                json.key("url"); json.string(article.source.url)
            }
            json.key("tableOfContents"); json.array(article.tableOfContents) { json, entry in
                json.object { json in
                    json.key("anchor"); json.string(entry.anchor)
                    json.key("level"); json.int(entry.level)
                    json.key("number"); json.string(entry.number)
                    json.key("title"); json.string(entry.title)
                }
            }
            json.key("title"); json.string(article.title)
            json.key("warnings"); json.array(article.warnings) { json, warning in
                json.object { json in
                    json.key("code"); json.string(warning.code)
                    json.key("message"); json.string(warning.message)
                }
            }
            json.writeExtras(before: nil)
        }
    }

    mutating func write(_ isbn: ISBN) {
        object { json in
            json.key("foundIn"); json.strings(isbn.foundIn)
            json.key("isbn10"); json.string(isbn.isbn10)
            json.key("isbn13"); json.string(isbn.isbn13)
            json.key("text"); json.string(isbn.text)
            json.key("valid"); json.bool(isbn.valid)
        }
    }

    mutating func write(_ reference: Reference) {
        object { json in
            json.key("id"); json.string(reference.id)
            json.key("isbns"); json.strings(reference.isbns)
            json.key("kind"); json.string(reference.kind.rawValue)
            json.key("number"); json.int(reference.number)
            json.key("retrieved"); json.string(reference.retrieved)
            json.key("text"); json.string(reference.text)
            json.key("urls"); json.strings(reference.urls)
        }
    }

    mutating func write(_ section: Section) {
        object { json in
            json.key("anchor"); json.string(section.anchor)
            json.key("blocks"); json.array(section.blocks) { json, block in json.write(block) }
            json.key("level"); json.int(section.level)
            json.key("sections"); json.array(section.sections) { json, subsection in json.write(subsection) }
            json.key("title"); json.string(section.title)
        }
    }

    mutating func write(_ item: ListItem) {
        object { json in
            json.key("items"); json.array(item.items) { json, nested in json.write(nested) }
            json.key("text"); json.string(item.text)
        }
    }

    mutating func write(_ block: Block) {
        object { json in
            switch block {
            case let .paragraph(text, cites):
                if !cites.isEmpty { json.key("cites"); json.strings(cites) }
                json.key("text"); json.string(text)
            case let .list(ordered, items):
                json.key("items"); json.array(items) { json, item in json.write(item) }
                json.key("ordered"); json.bool(ordered)
            case let .table(caption, rows):
                json.key("caption"); json.string(caption)
                json.key("rows"); json.array(rows) { json, row in json.strings(row) }
            case let .quote(text):
                json.key("text"); json.string(text)
            case let .figure(caption, src):
                json.key("caption"); json.string(caption)
                json.key("src"); json.string(src)
            case let .definitions(items):
                json.key("items"); json.array(items) { json, item in
                    json.object { json in
                        json.key("definition"); json.string(item.definition)
                        json.key("term"); json.string(item.term)
                    }
                }
            }
            json.key("type"); json.string(block.type)
        }
    }
}
