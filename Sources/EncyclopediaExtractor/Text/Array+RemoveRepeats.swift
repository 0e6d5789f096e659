extension Array where Element: Hashable {
    /// Removes every element equal to one before it, keeping the rest in order.
    ///
    /// Lists are gathered with their repeats and made unique once, at the end: a page can hold thousands
    /// of citation markers in one paragraph or thousands of links in its category box, and asking the
    /// list at each addition whether it held the value already cost time in the square of their number
    /// (32,000 markers took 2 s). A short list is scanned, which costs less than hashing; most lists
    /// are empty, hold one value or have no repeat, and are left as they are.
    mutating func removeRepeats() {
        guard count > 1 else { return }
        if count <= 16 {
            let firstRepeat = withUnsafeBufferPointer { elements -> Int? in
                for index in 1..<elements.count {
                    for earlier in 0..<index where elements[earlier] == elements[index] { return index }
                }
                return nil
            }
            guard let first = firstRepeat else { return }
            var kept = Array(self[..<first])
            for element in self[first...] where !kept.contains(element) { kept.append(element) }
            self = kept
            return
        }
        var seen = Set<Element>(minimumCapacity: count)
        var kept: [Element] = []
        kept.reserveCapacity(count)
        for element in self where seen.insert(element).inserted { kept.append(element) }
        self = kept
    }
}
