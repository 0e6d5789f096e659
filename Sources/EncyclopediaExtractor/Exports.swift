import HTMLTree

// The option and error types a user of the extractor needs, reachable from
// `import EncyclopediaExtractor` alone (they live in HTMLTree, the module that parses).

/// Limits and encoding for parsing a page (``ExtractionOptions/parse``).
public typealias ParseOptions = HTMLTree.ParseOptions
/// Why a page could not be parsed (``ExtractionError/document(_:)``).
public typealias DocumentError = HTMLTree.DocumentError
/// Why gzip data could not be inflated (``ExtractionError/compressed(input:error:)``).
public typealias GzipError = HTMLTree.GzipError
