/// Attributes and class words of an element, read from the attribute store without building strings
/// where a test is enough.
extension Node {
    /// The element's attributes in its attribute store.
    @inline(__always)
    var attributeRange: Range<Int> {
        let node = record
        guard node.code == .element else { return 0..<0 }
        return node.attributePositions
    }

    /// The index of attribute `name` in the attribute store, or nil.
    @inline(__always)
    func attributeIndex(_ name: HTMLName) -> Int? {
        for position in attributeRange where document.attributes[position].name == name.id { return position }
        return nil
    }

    /// The value of the attribute `name`, entities decoded, or nil when the element lacks it.
    public func attribute(_ name: String) -> String? {
        guard let known = document.names.lookUp(name) else { return nil }
        return attribute(known)
    }

    /// The value of the attribute `name`, entities decoded, or nil when the element lacks it.
    public func attribute(_ name: HTMLName) -> String? {
        guard let position = attributeIndex(name) else { return nil }
        return withAttributeBytes(at: position) { String(decoding: $0, as: UTF8.self) }
    }

    /// True when attribute `name` exists and its value is exactly `value`.
    public func attribute(_ name: HTMLName, equals value: StaticString) -> Bool {
        guard let position = attributeIndex(name) else { return false }
        return withAttributeBytes(at: position) { bytes in value.withUTF8Buffer { bytes.elementsEqual($0) } }
    }

    /// True when attribute `name` exists and its value starts with `prefix`.
    public func attribute(_ name: HTMLName, hasPrefix prefix: StaticString) -> Bool {
        guard let position = attributeIndex(name) else { return false }
        return withAttributeBytes(at: position) { bytes in
            prefix.withUTF8Buffer { expected in bytes.count >= expected.count && bytes.prefix(expected.count).elementsEqual(expected) }
        }
    }

    /// True when attribute `name` exists and its value starts with `prefix` (lowercase), ignoring ASCII
    /// letter case.
    public func attribute(_ name: HTMLName, hasPrefixIgnoringCase prefix: StaticString) -> Bool {
        guard let position = attributeIndex(name) else { return false }
        return withAttributeBytes(at: position) { bytes in
            prefix.withUTF8Buffer { expected in
                bytes.count >= expected.count && ClassList.equalsFolded(UnsafeBufferPointer(rebasing: bytes[0..<expected.count]), expected)
            }
        }
    }

    /// True when attribute `name` (lowercase) exists and its value holds one of `phrases`, checked on
    /// the stored bytes without building a string.
    public func attribute(_ name: StaticString, contains phrases: PhraseSet) -> Bool {
        guard let known = name.withUTF8Buffer({ document.names.lookUp(String(decoding: $0, as: UTF8.self)) }) else {
            return false
        }
        return attribute(known, contains: phrases)
    }

    /// True when attribute `name` exists and its value holds one of `phrases`.
    public func attribute(_ name: HTMLName, contains phrases: PhraseSet) -> Bool {
        guard let position = attributeIndex(name) else { return false }
        return withAttributeBytes(at: position) { phrases.firstMatch(inBytes: $0) != nil }
    }

    /// Reads attribute `name`'s value bytes; nil when the element lacks the attribute.
    func withAttribute<Result>(_ name: HTMLName, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        guard let position = attributeIndex(name) else { return nil }
        return withAttributeBytes(at: position, body)
    }

    @inline(__always)
    func withAttributeBytes<Result>(at position: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        body(document.value(of: document.attributes[position]))
    }

    /// Every attribute, in document order.
    public var attributes: [(name: String, value: String)] {
        attributeRange.map { position in
            let attribute = document.attributes[position]
            return (document.names.text(of: HTMLName(id: attribute.name)),
                    withAttributeBytes(at: position) { String(decoding: $0, as: UTF8.self) })
        }
    }

    /// True when the element's `class` attribute lists `className` as one of its words.
    public func hasClass(_ className: String) -> Bool {
        var wanted = className
        return wanted.withUTF8 { expected in hasClassWord { $0.elementsEqual(expected) } }
    }

    /// True when one of the words of the element's `class` attribute is one of `classNames` (compared
    /// exactly, as ``hasClass(_:)`` compares).
    public func hasClass(in classNames: ClassNames) -> Bool {
        hasClassWord { word in classNames.words.contains { word.elementsEqual($0) } }
    }

    /// True when one of the words of the element's `class` attribute is `token`, compared without
    /// regard to ASCII letter case (`token` lowercase).
    public func hasClassToken(_ token: StaticString) -> Bool {
        token.withUTF8Buffer { expected in hasClassWord { ClassList.equalsFolded($0, expected) } }
    }

    /// True when the element has a `class` attribute with a word that `matches`.
    @inline(__always)
    private func hasClassWord(where matches: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        withAttribute(.class) { ClassList.containsToken(in: $0, where: matches) } ?? false
    }

    /// The words of the element's `class` attribute, lowercased, in order.
    public var classTokens: [String] {
        withAttribute(.class) { classes in
            var tokens: [String] = []
            ClassList.containsToken(in: classes) { token in
                tokens.append(ClassList.lowercased(token))
                return false
            }
            return tokens
        } ?? []
    }
}
