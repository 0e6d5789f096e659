#!/usr/bin/env python3
"""Differential check of encx's WARC reader against warcio (run by Scripts/warc-differential).

    warc-differential.py LISTER FOLDER [--count N] [--seed S]

Writes N random WARC files into FOLDER with warcio's WARCWriter (records of every type; HTTP payloads
plain, chunked, gzip- or deflate-encoded; gzip per record, one gzip member for the file, or plain), reads
each back with warcio's ArchiveIterator and with encx's reader (`LISTER --list FILE`, which is
`FuzzWARC --list`), and compares: the same records, the same HTML pages (bytes, target URI, date,
record ID, charset; offsets in plain files), nothing reported damaged. Which records are pages is the
reader's documented rule (README, "WARC files"): HTTP 200 responses whose Content-Type is HTML (or that
have none and whose payload opens like HTML), and HTML resources; warcio decides everything else (the
framing, the record headers, de-chunking and decompressing the payload).
"""
import argparse
import base64
import gzip
import io
import json
import os
import random
import subprocess
import sys
import zlib

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HTML_TYPES = {"text/html", "application/xhtml+xml"}


def random_text(rng, length, alphabet="abcdefghijklmnopqrstuvwxyz0123456789 <>/=\"'&;-"):
    return "".join(rng.choice(alphabet) for _ in range(length))


def random_payload(rng):
    kind = rng.randrange(4)
    if kind == 0:
        return b""
    if kind == 1:
        return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 400)))
    text = "<html><head><title>%s</title></head><body><p>%s \u00e9\u4e2d</p></body></html>" % (
        random_text(rng, rng.randrange(1, 20)), random_text(rng, rng.randrange(0, 300)))
    return text.encode("utf-8")


def chunked(payload, rng):
    out = b""
    index = 0
    while index < len(payload):
        size = min(len(payload) - index, rng.randrange(1, 100))
        out += b"%x\r\n" % size + payload[index:index + size] + b"\r\n"
        index += size
    return out + b"0\r\n\r\n"


def write_warc(path, rng, number):
    """A WARC of random records; returns its compression ("none", "per-record", "whole")."""
    compression = rng.choice(["none", "per-record", "whole"])
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compression == "per-record")
    writer.write_record(writer.create_warcinfo_record("fuzz-%d.warc" % number, {"software": "warc-differential"}))
    for index in range(rng.randrange(1, 9)):
        record_type = rng.choice(["response", "response", "response", "resource", "request", "metadata", "revisit"])
        uri = "http://example.org/%d/%s" % (index, random_text(rng, rng.randrange(0, 12), "abcxyz019-_.~"))
        record_id = "<urn:uuid:%08d-0000-0000-0000-%012d>" % (number, index)
        date = "2026-0%d-1%dT10:00:00Z" % (rng.randrange(1, 10), rng.randrange(10))
        warc_headers = {"WARC-Record-ID": record_id, "WARC-Date": date}
        if record_type == "response":
            payload = random_payload(rng)
            headers = []
            content_type = rng.choice(["text/html", "text/html; charset=utf-8", "application/xhtml+xml; charset=\"windows-1252\"",
                                       "image/png", "text/plain", None])
            if content_type:
                headers.append(("Content-Type", content_type))
            body = payload
            encoding = rng.choice([None, None, "gzip", "x-gzip", "deflate"])
            if encoding:
                headers.append(("Content-Encoding", encoding))
                body = zlib.compress(payload) if encoding == "deflate" else gzip.compress(payload, mtime=0)
            if rng.randrange(3) == 0:
                headers.append(("Transfer-Encoding", "chunked"))
                body = chunked(body, rng)
            else:
                headers.append(("Content-Length", str(len(body))))
            status = rng.choice(["200 OK", "200 OK", "200 OK", "404 Not Found", "301 Moved Permanently"])
            http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
            record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), length=len(body),
                                               http_headers=http, warc_headers_dict=warc_headers)
        elif record_type == "resource":
            content_type = rng.choice(["text/html", "text/html; charset=windows-1251", "application/xhtml+xml", "image/png", "text/css"])
            payload = random_payload(rng)
            record = writer.create_warc_record(uri, "resource", payload=io.BytesIO(payload), length=len(payload),
                                               warc_content_type=content_type, warc_headers_dict=warc_headers)
        elif record_type == "request":
            http = StatusAndHeaders("GET /%d HTTP/1.1" % index, [("Host", "example.org")], is_http_request=True)
            record = writer.create_warc_record(uri, "request", payload=io.BytesIO(b""), length=0,
                                               http_headers=http, warc_headers_dict=warc_headers)
        elif record_type == "metadata":
            payload = b"via: http://example.org/\r\nfetchTimeMs: %d\r\n" % rng.randrange(1000)
            record = writer.create_warc_record(uri, "metadata", payload=io.BytesIO(payload), length=len(payload),
                                               warc_content_type="application/warc-fields", warc_headers_dict=warc_headers)
        else:
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            record = writer.create_revisit_record(uri, digest="sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", refers_to_uri=uri,
                                                  refers_to_date=date, http_headers=http)
            record.rec_headers.replace_header("WARC-Record-ID", record_id)
            record.rec_headers.replace_header("WARC-Date", date)
        writer.write_record(record)
    data = buffer.getvalue()
    with open(path, "wb") as handle:
        handle.write(gzip.compress(data, mtime=0) if compression == "whole" else data)
    return compression


def media_type(content_type):
    return (content_type or "").split(";", 1)[0].strip().lower()


def charset(content_type):
    for part in (content_type or "").split(";")[1:]:
        name, _, value = part.partition("=")
        if name.strip().lower() == "charset":
            value = value.strip()
            if len(value) >= 2 and value[0] == value[-1] == '"':
                value = value[1:-1]
            return value or None
    return None


def warcio_reading(path, compression):
    """The records warcio finds, and the pages encx's rule makes of them. warcio refuses a file that is
    one gzip member (it wants to seek to records), so it reads that one inflated: its offsets are then
    in the uncompressed stream, as encx's are."""
    records = 0
    pages = []
    with open(path, "rb") as handle:
        data = handle.read()
    if compression == "whole":
        data = gzip.decompress(data)
    with io.BytesIO(data) as handle:
        iterator = ArchiveIterator(handle)
        for record in iterator:
            records += 1
            kind = record.rec_type
            page = None
            if kind == "response" and record.http_headers is not None:
                content_type = record.http_headers.get_header("Content-Type")
                body = record.content_stream().read()
                # warcio decodes gzip, deflate and br but not x-gzip, which HTTP says to read as gzip
                # (RFC 9110, 8.4.1.3) and encx does.
                if (record.http_headers.get_header("Content-Encoding") or "").lower() == "x-gzip" and body[:2] == b"\x1f\x8b":
                    body = gzip.decompress(body)
                head = body[:512].decode("utf-8", "replace").lower()
                looks_html = media_type(content_type) in HTML_TYPES or (not media_type(content_type) and ("<html" in head or "<!doctype html" in head))
                if record.http_headers.get_statuscode() == "200" and looks_html:
                    page = (body, charset(content_type))
            elif kind == "resource":
                content_type = record.rec_headers.get_header("Content-Type")
                body = record.content_stream().read()
                if media_type(content_type) in HTML_TYPES:
                    page = (body, charset(content_type))
            if page is not None:
                uri = record.rec_headers.get_header("WARC-Target-URI")
                if uri and uri.startswith("<") and uri.endswith(">"):
                    uri = uri[1:-1]
                pages.append({"uri": uri, "date": record.rec_headers.get_header("WARC-Date"),
                              "id": record.rec_headers.get_header("WARC-Record-ID"), "charset": page[1],
                              "html": base64.b64encode(page[0]).decode(), "offset": iterator.get_record_offset()})
    return records, pages


def encx_reading(lister, path):
    output = subprocess.run([lister, "--list", path], check=True, capture_output=True).stdout.decode()
    items = [json.loads(line) for line in output.splitlines() if line]
    pages = [{key: item[key] for key in ("uri", "date", "id", "charset", "html", "offset")} for item in items if item["kind"] == "page"]
    damaged = [item for item in items if item["kind"] == "damaged"]
    statistics = next(item for item in items if item["kind"] == "statistics")
    return statistics, pages, damaged


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("lister")
    parser.add_argument("folder")
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    rng = random.Random(arguments.seed)
    os.makedirs(arguments.folder, exist_ok=True)
    failures = 0
    totals = {"records": 0, "pages": 0}
    for number in range(arguments.count):
        path = os.path.join(arguments.folder, "random-%04d.warc" % number)
        compression = write_warc(path, rng, number)
        records, expected = warcio_reading(path, compression)
        statistics, pages, damaged = encx_reading(arguments.lister, path)
        if compression == "per-record":
            # warcio gives offsets in the compressed file, encx in the uncompressed stream.
            for page in expected + pages:
                page["offset"] = None
        problems = []
        if damaged:
            problems.append("encx reports damage: %s" % [item["reason"] for item in damaged])
        if statistics["records"] != records:
            problems.append("encx counts %d records, warcio %d" % (statistics["records"], records))
        if pages != expected:
            problems.append("pages differ:\n  encx   %s\n  warcio %s" % (
                [(p["id"], p["offset"], len(p["html"])) for p in pages], [(p["id"], p["offset"], len(p["html"])) for p in expected]))
            for ours, theirs in zip(pages, expected):
                if ours != theirs:
                    problems.append("  first difference: %s" % {key: (ours[key], theirs[key]) for key in ours if ours[key] != theirs[key]})
                    break
        totals["records"] += records
        totals["pages"] += len(expected)
        if problems:
            failures += 1
            print("warc-differential: %s (%s): %s" % (path, compression, "\n".join(problems)), file=sys.stderr)
    print("warc-differential: %d WARC files written by warcio (%d records, %d HTML pages): %d read differently by encx"
          % (arguments.count, totals["records"], totals["pages"], failures))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
