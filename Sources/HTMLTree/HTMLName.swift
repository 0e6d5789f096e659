/// An element or attribute name as a small number. The names HTML defines, and the attributes the
/// extractor reads, have ids every document shares (``HTMLName/p``, ``HTMLName/class``, …); any other
/// name a page uses gets an id of its own in that page's ``Document``.
///
/// Comparing two names is comparing two integers, which is why the tree keeps names this way: walks
/// that ask "is this a `<p>`?" of every node never build or compare strings.
public struct HTMLName: Hashable, Sendable {
    @usableFromInline let id: UInt16

    @inlinable init(id: UInt16) {
        self.id = id
    }

    /// The number of known names; ids from here on are a document's own.
    static let knownCount = knownNames.count

    /// Known names by their text.
    static let knownIDs: [String: UInt16] = {
        var ids: [String: UInt16] = [:]
        for (index, name) in knownNames.enumerated() { ids[name] = UInt16(index) }
        return ids
    }()

    /// The known names as UTF-8, for comparing with libxml2's bytes.
    static let knownUTF8: [[UInt8]] = knownNames.map { Array($0.utf8) }

    /// The known name spelled `name` (lowercase), or nil when HTML's list does not hold it.
    public init?(known name: String) {
        guard let id = Self.knownIDs[name] else { return nil }
        self.id = id
    }

    /// True for the names every document shares.
    var isKnown: Bool { Int(id) < Self.knownCount }
}

/// A fixed set of known names, tested in constant time (one bit per known name).
public struct HTMLNameSet: Sendable {
    @usableFromInline var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    /// - Parameter names: lowercase names, each one of the known names (a name HTML's list lacks is a
    ///   programming error: it could never match, so it stops the program rather than hide).
    public init(_ names: some Sequence<String>) {
        for name in names {
            guard let known = HTMLName(known: name) else {
                preconditionFailure("HTMLNameSet: \"\(name)\" is not a known HTML name (add it to HTMLName.knownNames)")
            }
            insert(known)
        }
    }

    /// A set of one name.
    public init(_ name: HTMLName) {
        insert(name)
    }

    /// A set of the given names.
    public init(_ names: [HTMLName]) {
        for name in names { insert(name) }
    }

    private mutating func insert(_ name: HTMLName) {
        precondition(name.isKnown && name.id < 256, "HTMLNameSet holds known names only")
        let bit = UInt64(1) << UInt64(name.id & 63)
        switch name.id >> 6 {
        case 0: words.0 |= bit
        case 1: words.1 |= bit
        case 2: words.2 |= bit
        default: words.3 |= bit
        }
    }

    /// True when `name` is in the set. The word is chosen by selects, not branches (a switch over the
    /// four words would be a jump table, which mispredicts as the names of a walk change from node to
    /// node) and not by indexing the words in memory (which made a walk store them to the stack at
    /// every node and read one back).
    @inlinable
    public func contains(_ name: HTMLName) -> Bool {
        let word = name.id >> 6
        let low = word & 1 == 0 ? words.0 : words.1
        let high = word & 1 == 0 ? words.2 : words.3
        let bits = word < 2 ? low : word < 4 ? high : 0
        return (bits >> UInt64(name.id & 63)) & 1 != 0
    }
}

/// The names of one document: the known names, then the page's own in the order first met.
struct NameTable {
    /// Names beyond the known ones, as text and as bytes.
    private(set) var extraNames: [String] = []
    private(set) var extraUTF8: [[UInt8]] = []
    private var extraIDs: [String: UInt16] = [:]

    /// The id of `bytes` (a lowercase name), adding it when the page is the first to use it.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt16 {
        if let known = KnownNameTable.shared.id(of: bytes) { return known }
        let text = String(decoding: bytes, as: UTF8.self)
        if let id = extraIDs[text] { return id }
        // Ids are 16 bits: a page with tens of thousands of distinct element names shares one id
        // for the overflow (every such name reads as the last one added).
        guard HTMLName.knownCount + extraNames.count < Int(UInt16.max) else { return UInt16.max - 1 }
        let id = UInt16(HTMLName.knownCount + extraNames.count)
        extraNames.append(text)
        extraUTF8.append(Array(bytes))
        extraIDs[text] = id
        return id
    }

    /// The id of `text` in this table, or nil when no node or attribute of the page has that name.
    func lookUp(_ text: String) -> HTMLName? {
        if let known = HTMLName.knownIDs[text] { return HTMLName(id: known) }
        return extraIDs[text].map { HTMLName(id: $0) }
    }

    func text(of name: HTMLName) -> String {
        name.isKnown ? HTMLName.knownNames[Int(name.id)] : extraNames[Int(name.id) - HTMLName.knownCount]
    }

    func utf8(of name: HTMLName) -> [UInt8] {
        name.isKnown ? HTMLName.knownUTF8[Int(name.id)] : extraUTF8[Int(name.id) - HTMLName.knownCount]
    }
}

/// The known names by their bytes, in an open-addressing table: a name libxml2 hands over is found
/// without making a string of it.
struct KnownNameTable: Sendable {
    static let shared = KnownNameTable()

    private static let slots = 1024
    /// Known-name id + 1 by slot (0 for an empty slot).
    private let table: [UInt16]

    private init() {
        var table = [UInt16](repeating: 0, count: Self.slots)
        for (index, name) in HTMLName.knownUTF8.enumerated() {
            var slot = name.withUnsafeBufferPointer { Self.hash($0) }
            while table[slot] != 0 { slot = (slot + 1) & (Self.slots - 1) }
            table[slot] = UInt16(index + 1)
        }
        self.table = table
    }

    /// FNV-1a over the bytes, folded to a slot.
    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var value: UInt32 = 2_166_136_261
        for byte in bytes { value = (value ^ UInt32(byte)) &* 16_777_619 }
        return Int(value & UInt32(slots - 1))
    }

    /// The id of the known name spelled by `bytes`, or nil.
    func id(of bytes: UnsafeBufferPointer<UInt8>) -> UInt16? {
        var slot = Self.hash(bytes)
        while table[slot] != 0 {
            let id = Int(table[slot] - 1)
            if HTMLName.knownUTF8[id].elementsEqual(bytes) { return UInt16(id) }
            slot = (slot + 1) & (Self.slots - 1)
        }
        return nil
    }
}
