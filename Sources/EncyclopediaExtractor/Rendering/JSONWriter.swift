import Foundation

/// Writes articles as JSON bytes directly, with keys in sorted order: the same bytes Foundation's
/// `JSONEncoder` gives with `.sortedKeys` and `.withoutEscapingSlashes` (and `.prettyPrinted` when
/// `pretty`), several times faster, since nothing is boxed on the way. `ArticleJSONTests` checks the
/// bytes against `JSONEncoder` for every fixture; `Codable` stays the model's reading side.
struct JSONWriter: ~Copyable {
    /// The bytes written are `base[0..<count]`; the writer owns the memory and frees it.
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    private let pretty: Bool
    private var depth = 0
    /// Whether the container being written has an element yet.
    private var hasElement: [Bool] = []
    /// Extra members of the article object, pre-rendered JSON, placed among its keys in sorted order.
    private var extras: [(name: String, json: [UInt8])] = []

    init(pretty: Bool, capacity: Int = 16 * 1024) {
        self.pretty = pretty
        self.capacity = max(capacity, 64)
        base = UnsafeMutablePointer<UInt8>.allocate(capacity: self.capacity)
    }

    deinit {
        base.deallocate()
    }

    /// The JSON written.
    var bytes: [UInt8] {
        Array(UnsafeBufferPointer(start: base, count: count))
    }

    /// The JSON written (and a newline after it, if asked), handed over as `Data` without copying;
    /// the writer is left empty.
    mutating func takeData(endingWithNewline newline: Bool) -> Data {
        if newline { put(0x0A) }
        let data = Data(bytesNoCopy: base, count: count, deallocator: .custom { pointer, _ in pointer.deallocate() })
        base = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        capacity = 1
        count = 0
        return data
    }

    // MARK: Output

    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        var grown = capacity * 2
        while grown < count + extra { grown *= 2 }
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        larger.initialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity = grown
    }

    @inline(__always)
    private mutating func put(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always)
    private mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    private mutating func put(_ text: StaticString) {
        text.withUTF8Buffer { put($0) }
    }

    // MARK: Structure

    private mutating func newline() {
        reserve(1 + depth * 2)
        base[count] = 0x0A
        (base + count + 1).initialize(repeating: 0x20, count: depth * 2)
        count += 1 + depth * 2
    }

    private mutating func open(_ byte: UInt8) {
        put(byte)
        depth += 1
        hasElement.append(false)
    }

    private mutating func close(_ byte: UInt8) {
        let hadElements = hasElement.removeLast()
        depth -= 1
        if pretty {
            // JSONEncoder writes an empty container as an opening, a blank line and the closing.
            if !hadElements { put(0x0A) }
            newline()
        }
        put(byte)
    }

    /// Before an element of the current container: the comma and the line break.
    private mutating func element() {
        let last = hasElement.count - 1
        if hasElement[last] { put(UInt8(ascii: ",")) } else { hasElement[last] = true }
        if pretty { newline() }
    }

    mutating func object(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "{"))
        body(&self)
        close(UInt8(ascii: "}"))
    }

    /// The object `body` writes of `value`, or null without one.
    mutating func object<Value>(_ value: Value?, _ body: (inout JSONWriter, Value) -> Void) {
        guard let value else { return null() }
        object { json in body(&json, value) }
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
        put(UInt8(ascii: "\""))
        put(name)
        put(UInt8(ascii: "\""))
        if pretty { put(" : ") } else { put(UInt8(ascii: ":")) }
    }

    private mutating func writeExtras(before name: String?) {
        while let extra = extras.first, name.map({ extra.name < $0 }) ?? true {
            extras.removeFirst()
            element()
            string(extra.name)
            if pretty { put(" : ") } else { put(UInt8(ascii: ":")) }
            extra.json.withUnsafeBufferPointer { put($0) }
        }
    }

    // MARK: Values

    mutating func null() { put("null") }

    mutating func bool(_ value: Bool) {
        if value { put("true") } else { put("false") }
    }

    mutating func int(_ value: Int) {
        var text = String(value)
        text.withUTF8 { put($0) }
    }

    /// For each byte, whether a JSON string must escape it: the controls, the quote and the backslash.
    private static let escaped: [Bool] = (0..<256).map { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }

    /// True when one of the sixteen bytes is a control, a quote or a backslash. (The constants are
    /// typed vectors: written `SIMD16(repeating: 0x20)` in the comparison, the compiler made a loop over
    /// the lanes of it.)
    @inline(__always)
    private static func needsEscape(_ bytes: SIMD16<UInt8>) -> Bool {
        let control = SIMD16<UInt8>(repeating: 0x20)
        let quote = SIMD16<UInt8>(repeating: 0x22)
        let backslash = SIMD16<UInt8>(repeating: 0x5C)
        let found = (bytes .< control) .| (bytes .== quote) .| (bytes .== backslash)
        let words = unsafeBitCast(found, to: SIMD2<UInt64>.self)
        return words[0] | words[1] != 0
    }

    mutating func string(_ value: String?) {
        guard var value else { return null() }
        value.withUTF8 { source in
            // At most six bytes (\u00XX) for each byte, and the quotes.
            reserve(source.count + 2)
            base[count] = UInt8(ascii: "\"")
            count += 1
            Self.escaped.withUnsafeBufferPointer { escaped in
                var runStart = 0
                var index = 0
                let end = source.count
                while index < end {
                    // Sixteen bytes at a time while none needs escaping (most text has no quote,
                    // backslash or control at all).
                    if index + 16 <= end, let start = source.baseAddress,
                        !Self.needsEscape(UnsafeRawPointer(start + index).loadUnaligned(as: SIMD16<UInt8>.self))
                    {
                        index += 16
                        continue
                    }
                    let byte = source[index]
                    index += 1
                    guard escaped[Int(byte)] else { continue }
                    put(UnsafeBufferPointer(rebasing: source[runStart..<(index - 1)]))
                    runStart = index
                    switch byte {
                    case UInt8(ascii: "\""): put("\\\"")
                    case UInt8(ascii: "\\"): put("\\\\")
                    case 0x0A: put("\\n")
                    case 0x0D: put("\\r")
                    case 0x09: put("\\t")
                    case 0x08: put("\\b")
                    case 0x0C: put("\\f")
                    default:
                        let hex = Array("0123456789abcdef".utf8)
                        put("\\u00")
                        put(hex[Int(byte >> 4)])
                        put(hex[Int(byte & 0x0F)])
                    }
                }
                put(UnsafeBufferPointer(rebasing: source[runStart..<source.count]))
            }
            put(UInt8(ascii: "\""))
        }
    }

    mutating func strings(_ values: [String]) { array(values) { $0.string($1) } }
}

// MARK: The model, keys in sorted order (the order JSONEncoder's .sortedKeys gives)

extension JSONWriter {
    mutating func write(_ article: Article, adding members: [(name: String, json: [UInt8])] = []) {
        extras = members.sorted { $0.name < $1.name }
        object { json in
            json.key("categories"); json.strings(article.categories)
            json.key("contentHash"); json.string(article.contentHash)
            json.key("fingerprint"); json.string(article.fingerprint)
            json.key("infobox"); json.array(article.infobox) { json, field in
                json.object { json in
                    json.key("label"); json.string(field.label)
                    json.key("value"); json.string(field.value)
                }
            }
            json.key("isbns"); json.array(article.isbns) { json, isbn in json.write(isbn) }
            json.key("language"); json.string(article.language)
            json.key("lead"); json.array(article.lead) { json, block in json.write(block) }
            json.key("license"); json.object(article.license) { json, license in
                json.key("attribution"); json.string(license.attribution)
                json.key("name"); json.string(license.name)
                json.key("url"); json.string(license.url)
            }
            json.key("references"); json.array(article.references) { json, reference in json.write(reference) }
            json.key("schemaVersion"); json.int(article.schemaVersion)
            json.key("sections"); json.array(article.sections) { json, section in json.write(section) }
            json.key("source"); json.write(article.source)
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
                    json.key("code"); json.string(warning.code.rawValue)
                    json.key("message"); json.string(warning.message)
                }
            }
            json.writeExtras(before: nil)
        }
    }

    mutating func write(_ source: Source) {
        object { json in
            json.key("articleId"); json.string(source.articleId)
            json.key("catalog"); json.object(source.catalog) { json, catalog in
                json.key("author"); json.string(catalog.author)
                json.key("collection"); json.string(catalog.collection)
                json.key("publicationDate"); json.string(catalog.publicationDate)
                json.key("publisher"); json.string(catalog.publisher)
                json.key("reproductionDate"); json.string(catalog.reproductionDate)
                json.key("subject"); json.string(catalog.subject)
            }
            json.key("encoding"); json.string(source.encoding)
            json.key("site"); json.string(source.site)
            json.key("upstream"); json.object(source.upstream) { json, upstream in
                json.key("site"); json.string(upstream.site)
                json.key("url"); json.string(upstream.url)
            }
            json.key("url"); json.string(source.url)
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
            json.key("group"); json.string(reference.group)
            json.key("id"); json.string(reference.id)
            json.key("isbns"); json.strings(reference.isbns)
            json.key("kind"); json.string(reference.kind.rawValue)
            json.key("label"); json.string(reference.label)
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
            json.key("referenceKind"); json.string(section.referenceKind?.rawValue)
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
            case let .paragraph(text, cites, markers):
                if !cites.isEmpty { json.key("cites"); json.strings(cites) }
                if !markers.isEmpty {
                    json.key("markers"); json.array(markers) { json, marker in
                        json.object { json in
                            json.key("id"); json.string(marker.id)
                            json.key("offset"); json.int(marker.offset)
                        }
                    }
                }
                json.key("text"); json.string(text)
            case let .list(ordered, items):
                json.key("items"); json.array(items) { json, item in json.write(item) }
                json.key("ordered"); json.bool(ordered)
            case let .table(caption, rows, spans, headerRows):
                json.key("caption"); json.string(caption)
                json.key("headerRows"); json.array(headerRows) { json, row in json.int(row) }
                json.key("rows"); json.array(rows) { json, row in json.strings(row) }
                json.key("spans"); json.array(spans) { json, span in
                    json.object { json in
                        json.key("column"); json.int(span.column)
                        json.key("columns"); json.int(span.columns)
                        json.key("row"); json.int(span.row)
                        json.key("rows"); json.int(span.rows)
                    }
                }
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
