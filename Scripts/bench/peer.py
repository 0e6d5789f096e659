#!/usr/bin/env python3
"""Runs one peer extractor over a list of saved pages, in one process, for Scripts/benchmark.

    peer.py TOOL LISTFILE        TOOL: trafilatura | resiliparse | readability
    peer.py --versions           prints the installed peer versions, one "name version" a line

LISTFILE holds one page path a line. Each page is read as bytes and handed to the tool the way the tool
expects it:
  trafilatura  trafilatura.extract(bytes, output_format="json", with_metadata=True) (it decodes itself)
  resiliparse  detect_encoding + bytes_to_str (resiliparse.parse.encoding), HTMLTree.parse(str),
               extract_plain_text(tree, main_content=True)
  readability  readability.Document(bytes).summary() and .title() (it detects the encoding itself)
The result is kept in a variable and only its length counted (nothing is written). An exception on a page
is counted and the run goes on. At the end it prints on standard error a summary line and then, as the
last line, `peak-rss-kb: N` (VmHWM from /proc/self/status). Exit status 0 unless the tool fails to import
or the list cannot be read."""
import logging
import sys
import time

TOOLS = ("trafilatura", "resiliparse", "readability")


def peak_rss_kb():
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def make_extractor(tool):
    """Imports the tool and returns a function bytes -> number of characters extracted."""
    if tool == "trafilatura":
        import trafilatura

        def run(data):
            result = trafilatura.extract(data, output_format="json", with_metadata=True)
            return len(result) if result else 0
        return run
    if tool == "resiliparse":
        from resiliparse.extract.html2text import extract_plain_text
        from resiliparse.parse.encoding import bytes_to_str, detect_encoding
        from resiliparse.parse.html import HTMLTree

        def run(data):
            text = bytes_to_str(data, detect_encoding(data))
            result = extract_plain_text(HTMLTree.parse(text), main_content=True)
            return len(result) if result else 0
        return run
    if tool == "readability":
        import readability

        def run(data):
            document = readability.Document(data)
            summary = document.summary()
            title = document.title()
            return len(summary or "") + len(title or "")
        return run
    raise ValueError(tool)


def versions():
    from importlib.metadata import PackageNotFoundError, version
    for name in ("trafilatura", "resiliparse", "readability-lxml", "lxml", "lxml_html_clean"):
        try:
            print(name, version(name))
        except PackageNotFoundError:
            print(name, "not-installed")


def main(argv):
    if argv[1:] == ["--versions"]:
        versions()
        return 0
    if len(argv) != 3 or argv[1] not in TOOLS:
        print(f"usage: peer.py {{{'|'.join(TOOLS)}}} LISTFILE  |  peer.py --versions", file=sys.stderr)
        return 2
    tool, list_file = argv[1], argv[2]
    # The tools log warnings for odd pages; encx runs with --quiet, so the peers run quiet too.
    logging.disable(logging.CRITICAL)
    started = time.perf_counter()
    extract = make_extractor(tool)
    imported = time.perf_counter()
    with open(list_file, encoding="utf-8") as listing:
        paths = [line.rstrip("\n") for line in listing if line.strip()]

    pages = errors = characters = input_bytes = 0
    first_error = None
    first_page = None
    for path in paths:
        if pages == 1:
            first_page = time.perf_counter() - imported
        pages += 1
        try:
            with open(path, "rb") as page:
                data = page.read()
            input_bytes += len(data)
            characters += extract(data)
        except Exception as error:  # a peer's failure on one page is a result, not a reason to stop
            errors += 1
            if first_error is None:
                first_error = f"{path}: {type(error).__name__}: {error}"[:300]
    finished = time.perf_counter()

    loop = finished - imported
    rate = pages / loop if loop > 0 else float("inf")
    # Some tools set themselves up on their first page (trafilatura: about 2 s); the rate after it is the
    # per-page cost a long-running process would see.
    if first_page is None:
        first_page = loop
    after_first = (pages - 1) / (loop - first_page) if pages > 1 and loop > first_page else float("nan")
    print(f"peer {tool}: pages: {pages} errors: {errors} chars: {characters} bytes: {input_bytes} "
          f"import-s: {imported - started:.3f} first-page-s: {first_page:.3f} loop-s: {loop:.3f} "
          f"pages-per-s: {rate:.1f} after-first-pages-per-s: {after_first:.1f}"
          + (f" first-error: {first_error}" if first_error else ""), file=sys.stderr)
    peak = peak_rss_kb()
    print(f"peak-rss-kb: {peak if peak is not None else 'n/a'}", file=sys.stderr, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
