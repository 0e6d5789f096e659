import HTMLTree
import Testing
@testable import EncyclopediaExtractor

/// The named markers are data: these tests make every one of them load (a name set naming an element
/// HTML's list lacks stops the program when first used) and check the assumptions code makes of them.
@Suite struct SelectorsTests {
    @Test func everyElementSetLoadsAndHoldsItsNames() {
        let sets: [(Set<String>, HTMLNameSet)] = [
            (Selectors.junkElements, Selectors.junkElementNames),
            (Selectors.chromeElements, Selectors.chromeElementNames),
            (Selectors.headingElements, Selectors.headingElementNames),
            (Selectors.inlineElements, Selectors.inlineElementNames),
            (Selectors.blockElements, Selectors.blockElementNames),
        ]
        for (names, set) in sets {
            for name in names {
                let known = HTMLName(known: name)
                #expect(known != nil, "\(name) is not a known HTML name")
                if let known { #expect(set.contains(known), "\(name)") }
            }
        }
        #expect(!Selectors.inlineElementNames.contains(.div))
    }

    /// A box's first text is compared with the chrome box headings on its first characters only.
    @Test func chromeBoxHeadingsFitTheComparedOpening() {
        for heading in Selectors.chromeBoxHeadings {
            #expect(heading.count + 1 <= ChromeFilter.boxHeadingWindow, "\(heading)")
            #expect(heading == heading.lowercased())
        }
    }
}
