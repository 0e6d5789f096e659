extension Document {
    /// The bytes a text, comment or processing-instruction node holds.
    @inline(__always)
    func content(of record: NodeRecord) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: bytes + Int(record.start), count: Int(record.length))
    }

    /// The bytes of an attribute's value.
    @inline(__always)
    func value(of attribute: AttributeRecord) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: bytes + Int(attribute.start), count: Int(attribute.length))
    }
}
