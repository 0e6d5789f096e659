import ArgumentParser
import EncyclopediaExtractor
import Foundation

struct Inspect: ParsableCommand {
    // The name is given, not derived: ArgumentParser derives it by reflection each time it asks.
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show a person what encx finds in one page, and what it removed and why.",
        discussion: """
            Title, site, source, encoding, the section tree with block counts, the table of contents beside the body's headings, references, ISBNs (valid and invalid, with where each sat), the licence, warnings, and every removal with the rule that made it. Coloured on a terminal.

            Example:
              encx inspect Fixtures/seed-anti-party-group.html
            """
    )

    @Argument(help: "One saved page (or - for standard input).")
    var page: String

    @Flag(help: "Never colour the output.")
    var noColor = false

    func validate() throws {
        if page != "-" && !FileManager.default.fileExists(atPath: page) {
            throw ValidationError("No such file: \(page).")
        }
        let lowered = page.lowercased()
        if lowered.hasSuffix(".warc") || lowered.hasSuffix(".warc.gz") {
            throw ValidationError("\(page) is a WARC file; inspect reads one page. Convert it with 'encx convert \(page)' (one JSON Lines record per page), or inspect a page saved from it.")
        }
    }

    func run() throws {
        let bytes: [UInt8]
        do throws(ExtractionError) {
            bytes = page == "-" ? [UInt8](FileHandle.standardInput.readDataToEndOfFile())
                : try Extractor.readPage(at: URL(fileURLWithPath: page), name: page)
        } catch {
            printError("encx: error: \(error)")
            throw ExitCode(1)
        }
        let extraction: Extraction
        do {
            extraction = try Extractor().extractWithReport(html: bytes, url: nil, input: page)
        } catch {
            printError("encx: error: \(error)")
            throw ExitCode(1)
        }
        let colour = !noColor && isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        print(InspectReport(extraction: extraction, colour: colour).render(), terminator: "")
    }
}

/// The text `encx inspect` prints.
struct InspectReport {
    let extraction: Extraction
    let colour: Bool

    private func bold(_ text: String) -> String { colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    private func red(_ text: String) -> String { colour ? "\u{1B}[31m\(text)\u{1B}[0m" : text }
    private func green(_ text: String) -> String { colour ? "\u{1B}[32m\(text)\u{1B}[0m" : text }
    private func dim(_ text: String) -> String { colour ? "\u{1B}[2m\(text)\u{1B}[0m" : text }

    func render() -> String {
        let article = extraction.article
        var out = ""
        func line(_ text: String = "") { out += text + "\n" }
        func heading(_ text: String) { line(); line(bold(text)) }

        line(bold("Title:    ") + article.title)
        line(bold("Site:     ") + (article.source.site ?? red("not recognised")))
        if let upstream = article.source.upstream {
            line(bold("Copy of:  ") + upstream.site + (upstream.url.map { " (" + $0 + ")" } ?? ""))
        }
        line(bold("Source:   ") + (article.source.url ?? dim("(no URL in the page)")))
        if let articleId = article.source.articleId { line(bold("Article:  ") + articleId) }
        if let catalog = article.source.catalog {
            let fields = [("subject", catalog.subject), ("collection", catalog.collection), ("author", catalog.author),
                          ("publisher", catalog.publisher), ("reproduced", catalog.reproductionDate),
                          ("published", catalog.publicationDate)]
            line(bold("Catalog:  ") + fields.compactMap { name, value in value.map { "\(name): \($0)" } }.joined(separator: "; "))
        }
        line(bold("Encoding: ") + extraction.encodingExplanation)
        line(bold("Language: ") + (article.language ?? dim("(not declared)")))

        heading("Sections (\(article.lead.count) lead block(s))")
        func describe(_ blocks: [Block]) -> String {
            var counts: [String: Int] = [:]
            for block in blocks { counts[block.type, default: 0] += 1 }
            return counts.keys.sorted().map { "\(counts[$0] ?? 0) \($0)" }.joined(separator: ", ")
        }
        func tree(_ sections: [Section], depth: Int) {
            for section in sections {
                let blocks = section.blocks.isEmpty ? dim("no blocks") : describe(section.blocks)
                let kind = section.referenceKind.map { dim(" [\($0.rawValue) section]") } ?? ""
                line(String(repeating: "  ", count: depth + 1) + "h\(section.level) \(section.title)  (\(blocks))" + kind)
                tree(section.sections, depth: depth + 1)
            }
        }
        tree(article.sections, depth: 0)

        heading("Table of contents vs body")
        if article.tableOfContents.isEmpty {
            line("  " + dim("the page has no table of contents"))
        } else {
            var bodyTitles: [String] = []
            func collect(_ sections: [Section]) {
                for section in sections {
                    bodyTitles.append(section.title)
                    collect(section.sections)
                }
            }
            collect(article.sections)
            let width = min(48, (article.tableOfContents.map { $0.number.count + $0.title.count + 2 + 2 * $0.level }.max() ?? 20))
            line("  " + "TABLE OF CONTENTS".padding(toLength: width, withPad: " ", startingAt: 0) + "  BODY")
            for entry in article.tableOfContents {
                let left = String(repeating: "  ", count: entry.level - 1) + entry.number + " " + entry.title
                let present = bodyTitles.contains(entry.title)
                let right = present ? green("✓ " + entry.title) : red("✗ no heading")
                line("  " + left.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + right)
            }
            for title in bodyTitles where !article.tableOfContents.contains(where: { $0.title == title }) {
                line("  " + String(repeating: " ", count: width) + "  " + red("+ \(title) (not in the table of contents)"))
            }
        }

        heading("References (\(article.references.count))")
        for reference in article.references {
            var details = [reference.kind.rawValue]
            if let id = reference.id { details.append(id) }
            if let retrieved = reference.retrieved { details.append("retrieved \(retrieved)") }
            if !reference.isbns.isEmpty { details.append("ISBN " + reference.isbns.joined(separator: ", ")) }
            line("  \(reference.number). " + dim("[" + details.joined(separator: "; ") + "]") + " " + clip(reference.text, 100))
        }

        heading("ISBNs (\(article.isbns.filter(\.valid).count) valid, \(article.isbns.filter { !$0.valid }.count) invalid)")
        for isbn in article.isbns {
            let verdict = isbn.valid ? green("valid  ") : red("INVALID")
            line("  \(verdict) \(isbn.text)  → \(isbn.isbn13 ?? "-") / \(isbn.isbn10 ?? "-")  " + dim("in " + isbn.foundIn.joined(separator: ", ")))
        }

        heading("Infobox (\(article.infobox.count) rows) and categories (\(article.categories.count))")
        for field in article.infobox { line("  \(field.label.isEmpty ? "·" : field.label): \(clip(field.value, 80))") }
        if !article.categories.isEmpty { line("  Categories: " + article.categories.joined(separator: "; ")) }

        heading("Licence")
        if let license = article.license {
            line("  \(license.name)" + (license.url.map { " <\($0)>" } ?? ""))
            line("  " + dim(clip(license.attribution, 160)))
        } else {
            line("  " + red("none found"))
        }

        heading("Warnings (\(article.warnings.count))")
        for warning in article.warnings { line("  " + red(warning.code.rawValue) + ": " + warning.message) }

        heading("Removed (\(extraction.removals.count))")
        for removal in extraction.removals {
            line("  " + removal.rule + dim(" <\(removal.element)> ") + clip(removal.excerpt, 70))
        }
        return out
    }

    private func clip(_ text: String, _ length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length)) + "…"
    }
}
