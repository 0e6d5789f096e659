import Foundation
import HTMLTree

/// A footnote as read from a notes list.
struct RawNote {
    var id: String?
    var number: Int
    var text: String
    var urls: [String]
    var linkISBNs: [String]
}

/// Recognises notes lists (MediaWiki's `ol.references`, or any list whose items open with a "^"
/// back-link) and reads their items.
enum NotesReader {
    /// Characters MediaWiki and its mirrors print as a note's back-link.
    static let backLinkMarks: Set<Character> = ["^", "↑"]

    static func isNotesList(_ list: Node) -> Bool {
        if list.hasClassToken("references") { return true }
        let items = list.childElements.filter { $0.isElement(.li) }
        guard !items.isEmpty else { return false }
        if items.contains(where: { $0.attribute(.id, hasPrefix: "cite_note") }) { return true }
        return items.allSatisfy { item in
            guard let first = item.firstTextCharacter else { return false }
            return backLinkMarks.contains(first)
        }
    }

    static func read(_ list: Node) -> [RawNote] {
        var notes: [RawNote] = []
        var next = Int(list.attribute(.start) ?? "") ?? 1
        var gatherer = InlineGatherer()
        for item in list.childElements where item.isElement(.li) {
            let number = Int(item.attribute(.value) ?? "") ?? next
            next = number + 1
            gatherer.add(item)
            let content = gatherer.finish()
            let text = stripBackLinks(content.text)
            guard BlockReader.hasWords(text) else { continue }
            notes.append(RawNote(id: item.attribute(.id), number: number, text: text, urls: content.urls,
                                 linkISBNs: content.bookSourceISBNs))
        }
        return notes
    }

    /// Drops a leading "^" and the "a b c" letters of a note cited several times.
    static func stripBackLinks(_ text: String) -> String {
        // Only the opening of the note is looked at (the text is already whitespace-collapsed).
        var rest = text.drop { $0 == " " }
        guard let mark = rest.first, backLinkMarks.contains(mark) else { return text }
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
