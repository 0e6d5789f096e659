import Foundation
import HTMLTree

/// A footnote as read from a notes list.
struct RawNote {
    var id: String?
    /// Its number in its list (`start` and `value` honoured), shown in the list's numbering style.
    var number: Int
    /// How its list numbers it (decimal unless the page styles it otherwise).
    var style: ListNumbering
    var text: String
    var urls: [String]
    var linkISBNs: [String]
}

/// Recognises notes lists (MediaWiki's `ol.references`, lists of `cite_note-` or `_note-` items, or
/// any list whose items open with a "^" back-link) and reads their items.
enum NotesReader {
    static func isNotesList(_ list: Node) -> Bool {
        if list.hasClassToken(Selectors.notesListClass) { return true }
        let items = list.childElements.filter { $0.isElement(.li) }
        guard !items.isEmpty else { return false }
        if items.contains(where: { item in Selectors.noteIDPrefixes.contains { item.attribute(.id, hasPrefix: $0) } }) {
            return true
        }
        return items.allSatisfy { item in
            guard let first = item.firstTextCharacter else { return false }
            return Selectors.backLinkMarks.contains(first)
        }
    }

    static func read(_ list: Node) -> [RawNote] {
        var notes: [RawNote] = []
        let style = ListNumbering.of(list)
        var next = Int(list.attribute(.start) ?? "") ?? 1
        var gatherer = InlineGatherer()
        for item in list.childElements where item.isElement(.li) {
            let number = Int(item.attribute(.value) ?? "") ?? next
            next = number + 1
            gatherer.add(item)
            let content = gatherer.finish()
            var text = stripBackLinks(content.text)
            // A bundled citation: the note only cites other notes ("[3][5]"), as the page prints them.
            if !BlockReader.hasWords(text), !content.cites.isEmpty { text = citationMarkers(in: item) }
            guard BlockReader.hasWords(text) else { continue }
            notes.append(RawNote(id: item.attribute(.id), number: number, style: style, text: text, urls: content.urls,
                                 linkISBNs: content.bookSourceISBNs))
        }
        return notes
    }

    /// The citation markers inside a note, as printed ("[3][5]").
    private static func citationMarkers(in item: Node) -> String {
        var markers = ""
        for element in item.descendants(.elements(named: .sup)) where element.hasClass(Selectors.citationMarkerClass) {
            markers += element.text
        }
        return markers
    }

    /// Drops a leading "^" and the "a b c" letters of a note cited several times.
    static func stripBackLinks(_ text: String) -> String {
        // Only the opening of the note is looked at (the text is already whitespace-collapsed).
        var rest = text.drop { $0 == " " }
        guard let mark = rest.first, Selectors.backLinkMarks.contains(mark) else { return text }
        rest = rest.dropFirst().drop { $0 == " " }
        // "a b c …": two or more single lowercase letters in alphabetical order.
        var cursor = rest
        var letters = 0
        while let letter = cursor.first, letter.unicodeScalars.count == 1,
            letter.unicodeScalars.first?.value == UInt32(UInt8(ascii: "a")) + UInt32(letters)
        {
            let after = cursor.dropFirst()
            guard after.isEmpty || after.first == " " else { break }
            letters += 1
            cursor = after.drop { $0 == " " }
        }
        if letters >= 2 { rest = cursor }
        return String(rest)
    }
}
