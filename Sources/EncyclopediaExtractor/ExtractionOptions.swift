import HTMLTree

/// What to keep, and how to read the page. Every option has a sensible default.
public struct ExtractionOptions: Sendable, Equatable {
    /// Limits and encoding for parsing.
    public var parse: ParseOptions
    /// Keep data tables as `table` blocks.
    public var includeTables: Bool
    /// Keep images with captions as `figure` blocks.
    public var includeFigures: Bool
    /// Read infoboxes into `infobox`.
    public var includeInfobox: Bool
    /// Restore a heading the table of contents proves missing (always reported in `warnings`).
    public var repairStructure: Bool
    /// The most bytes a gzip-compressed page may inflate to (a small `.gz` can inflate to gigabytes).
    /// Defaults to the parse limit on input size, since the inflated page is what gets parsed.
    public var maximumDecompressedSize: Int
    /// The most time one page may take, parse included; nil for no limit. A page over it fails with
    /// ``ExtractionError/timeLimitExceeded(input:limit:stage:)``. Pages of this family take
    /// milliseconds; the default only stops a pathological page from holding up a batch.
    public var timeLimit: Duration?

    /// The default ``timeLimit``: 60 seconds.
    public static let defaultTimeLimit: Duration = .seconds(60)

    /// Creates options.
    public init(
        parse: ParseOptions = ParseOptions(), includeTables: Bool = true, includeFigures: Bool = true,
        includeInfobox: Bool = true, repairStructure: Bool = true, maximumDecompressedSize: Int? = nil,
        timeLimit: Duration? = ExtractionOptions.defaultTimeLimit
    ) {
        self.timeLimit = timeLimit
        self.maximumDecompressedSize = maximumDecompressedSize ?? parse.maximumInputSize
        self.parse = parse
        self.includeTables = includeTables
        self.includeFigures = includeFigures
        self.includeInfobox = includeInfobox
        self.repairStructure = repairStructure
    }
}
