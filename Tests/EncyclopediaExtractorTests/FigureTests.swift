import Foundation
import Testing

@testable import EncyclopediaExtractor

/// A figure's `src` is where its image is, also on pages that load images lazily.
@Suite struct FigureTests {
    /// The figures of a page whose body holds `figures` (HTML) after one paragraph.
    static func figures(_ figures: String) throws -> [(caption: String, src: String?)] {
        let html = """
            <html><head><title>Mill | World Heritage Encyclopedia</title></head><body>
            <h1 id="firstHeading">Mill</h1><div id="mw-content-text">
            <p>The old mill stood by the river for a long time, and the village grew around it.</p>
            \(figures)
            </div></body></html>
            """
        let article = try Extractor().extract(html: Data(html.utf8), input: "figures.html")
        return article.lead.compactMap { block in
            if case let .figure(caption, src) = block { return (caption, src) }
            return nil
        }
    }

    @Test func anImageKeepsItsAddress() throws {
        let found = try Self.figures("<figure><img src=\"mill.jpg\" alt=\"\"><figcaption>The mill</figcaption></figure>")
        #expect(found.map(\.src) == ["mill.jpg"])
        #expect(found.map(\.caption) == ["The mill"])
    }

    @Test func aLazyImageGivesTheAddressItWillLoadNotItsPlaceholder() throws {
        let placeholder = "data:image/gif;base64,R0lGODlhAQABAIABAAAAAP///yH5BAEAAAEALAAAAAABAAEAQAICTAEAOw%3D%3D"
        let found = try Self.figures("""
            <figure><img src="\(placeholder)" data-src="https://images.example.org/mill.jpg" class="lazyload">
            <figcaption>The mill</figcaption></figure>
            <figure><img data-src="https://images.example.org/weir.jpg"><figcaption>The weir</figcaption></figure>
            """)
        #expect(found.map(\.src) == ["https://images.example.org/mill.jpg", "https://images.example.org/weir.jpg"])
    }

    /// MediaWiki's mobile skin: the `<img>` sits in a `<noscript>` (never read) and a placeholder holds
    /// the address.
    @Test func aPlaceholderElementGivesTheAddress() throws {
        let found = try Self.figures("""
            <figure><noscript><img src="//upload.example.org/mill.jpg"></noscript>
            <span class="lazy-image-placeholder" data-src="//upload.example.org/mill.jpg" data-alt="Mill"></span>
            <figcaption>The mill</figcaption></figure>
            """)
        #expect(found.map(\.src) == ["//upload.example.org/mill.jpg"])
    }

    /// A page saved as one file embeds its images as `data:` addresses: with no lazy address, that is
    /// the image.
    @Test func anEmbeddedImageKeepsItsDataAddress() throws {
        let embedded = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
        let found = try Self.figures("<figure><img src=\"\(embedded)\"><figcaption>The mill</figcaption></figure>")
        #expect(found.map(\.src) == [embedded])
    }
}
