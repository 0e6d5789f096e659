/// How a page is turned into a ``Document``: limits, and an optional forced encoding.
public struct ParseOptions: Sendable, Equatable {
    /// The default ceiling on input size: 64 MiB. Saved encyclopedia pages run from 5 KB to a few MB;
    /// anything past this is far more likely to be a mislabelled archive than an article.
    public static let defaultMaximumInputSize = 64 * 1024 * 1024

    /// Inputs larger than this many bytes are refused with ``DocumentError/Reason/tooLarge(size:limit:)``.
    public var maximumInputSize: Int
    /// Lets libxml2 build trees nested deeper than its default limit of 256 (`HTML_PARSE_HUGE`).
    /// Off by default: without it, a page nested too deeply is cut short and the cut is reported in
    /// ``Document/truncation``.
    public var allowsDeepNesting: Bool
    /// Decodes the input with this encoding whatever its byte-order mark or `<meta>` declaration says.
    public var forcedEncoding: TextEncoding?
    /// The charset label the transport gave (an HTTP or MIME `Content-Type` parameter): used after a
    /// byte-order mark and before the page's own `<meta>` declaration, as browsers do.
    public var transportCharset: String?

    /// Creates options; every parameter has a safe default.
    public init(
        maximumInputSize: Int = ParseOptions.defaultMaximumInputSize,
        allowsDeepNesting: Bool = false,
        forcedEncoding: TextEncoding? = nil,
        transportCharset: String? = nil
    ) {
        self.transportCharset = transportCharset
        self.maximumInputSize = maximumInputSize
        self.allowsDeepNesting = allowsDeepNesting
        self.forcedEncoding = forcedEncoding
    }
}
