import CLibXML2

/// The cost floor of any extractor built on libxml2: parse the bytes with `htmlReadMemory` and free
/// the tree, nothing else. Benchmarks compare the full extraction against it.
public enum ParseFloor {
    /// Parses `bytes` with the flags ``Document`` uses (without its own decoding step) and frees the
    /// result; returns the number of element nodes libxml2 built directly under the root, so the work
    /// cannot be optimised away.
    public static func parseAndFree(_ bytes: [UInt8]) -> Int {
        _ = libxml2Initialisation
        let flags = Document.parseFlags
        let document = bytes.withUnsafeBufferPointer { buffer -> htmlDocPtr? in
            guard let start = buffer.baseAddress, buffer.count <= Int(Int32.max) else { return nil }
            return start.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                htmlReadMemory(base, Int32(buffer.count), nil, nil, Int32(flags))
            }
        }
        guard let document else { return 0 }
        defer { xmlFreeDoc(document) }
        return Int(xmlChildElementCount(xmlDocGetRootElement(document)))
    }
}
