import EncyclopediaExtractor
import Foundation

let arguments = CommandLine.arguments.dropFirst()
if arguments.first == "convert", let path = arguments.dropFirst().first {
    do {
        let article = try Extractor().extract(fileAt: URL(fileURLWithPath: path))
        FileHandle.standardOutput.write(try ArticleJSON.pretty(article))
    } catch {
        FileHandle.standardError.write(Data("encx: \(error)\n".utf8))
        exit(1)
    }
} else {
    print("encx 0.1.0")
}
