// Placeholder until extraction lands.
public enum EncyclopediaExtractorVersion { public static let current = "0.1.0" }
