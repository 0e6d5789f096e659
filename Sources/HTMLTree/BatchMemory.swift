import CLibXML2

/// For a process that parses many documents one after another (a batch): keeps the memory one
/// document used for the next.
///
/// A document's stores are a few large blocks. With glibc's defaults a block over the mmap threshold
/// is mapped and unmapped for every document, and memory freed at the top of the heap is handed back,
/// so the next document takes fresh zeroed pages from the kernel again: converting the benchmark
/// corpus, four page faults in five came from that. Raising both thresholds keeps the blocks in the
/// heap, at the price of holding on to the largest document's memory (which the peak resident set
/// holds anyway).
///
/// It changes the process's allocator, so the library never calls it itself: a tool opts in (`encx`
/// does at start). Without glibc it does nothing.
public enum BatchMemory {
    public static func keepFreedMemory() {
        encx_keepFreedMemory()
    }
}
