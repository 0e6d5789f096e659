#!/usr/bin/env python3
"""Write a small, deterministic WARC file from saved pages (a test helper for the Spark job).

    make-warc.py OUT.warc.gz PAGE... [--charset NAME=CHARSET]... [--uncompressed] [--manifest FILE]

The WARC holds, in this order: a warcinfo record; one `response` record per page (HTTP/1.1 200 with
Content-Type text/html and the page's charset); and, after the first page, a `request` record and a
`response` record with an image/png payload, which a reader of articles must skip.

A page's target URI is the URL in its `<!-- saved from url=(NNNN)URL -->` comment, else its canonical
link, else http://example.org/<file name>. The charset is the one given with --charset for the page's
file name (e.g. --charset windows-1252.html=windows-1252), else utf-8. WARC-Date and WARC-Record-ID
come from the WARC's file name and the record's position, so the same command writes the same bytes.
--manifest writes a JSON file listing every record (type, page, target URI, WARC-Record-ID, date).
"""

import argparse
import datetime
import gzip
import io
import json
import os
import re
import struct
import sys
import uuid
import zlib

try:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
except ImportError:  # pragma: no cover
    sys.exit("make-warc.py needs warcio: pip install -r Scripts/spark/requirements.txt")

BASE_DATE = datetime.datetime(2024, 1, 15, 12, 0, 0)
SAVED_FROM = re.compile(rb"<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->", re.IGNORECASE)
LINK_TAG = re.compile(rb"<link\b[^>]*>", re.IGNORECASE)
ATTRIBUTE = re.compile(rb"""([a-zA-Z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")


def parse_arguments(argv):
    parser = argparse.ArgumentParser(prog="make-warc.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("output", metavar="OUT.warc.gz")
    parser.add_argument("pages", metavar="PAGE", nargs="+")
    compression = parser.add_mutually_exclusive_group()
    compression.add_argument("--gzip-per-record", dest="gzip", action="store_true", default=True,
                             help="gzip each record as its own member (default; name the file .warc.gz)")
    compression.add_argument("--uncompressed", dest="gzip", action="store_false",
                             help="write a plain WARC (name the file .warc)")
    parser.add_argument("--charset", action="append", default=[], metavar="NAME=CHARSET",
                        help="the HTTP charset for the page with this file name (default utf-8)")
    parser.add_argument("--manifest", metavar="FILE", help="also write a JSON list of the records")
    arguments = parser.parse_args(argv)
    if arguments.gzip and not arguments.output.endswith(".gz"):
        parser.error("a gzipped WARC should be named *.warc.gz (or pass --uncompressed)")
    if not arguments.gzip and arguments.output.endswith(".gz"):
        parser.error("--uncompressed writes a plain WARC: name it *.warc, not *.gz")
    charsets = {}
    for item in arguments.charset:
        name, separator, charset = item.partition("=")
        if not separator or not name or not charset:
            parser.error("--charset wants NAME=CHARSET, got %r" % item)
        charsets[name] = charset
    arguments.charsets = charsets
    return arguments


def page_bytes(path):
    with open(path, "rb") as handle:
        data = handle.read()
    return gzip.decompress(data) if path.endswith(".gz") else data


def target_uri(path, data):
    saved = SAVED_FROM.search(data)
    if saved:
        return saved.group(1).decode("utf-8", "replace")
    for tag in LINK_TAG.finditer(data):
        attributes = {}
        for match in ATTRIBUTE.finditer(tag.group(0)):
            value = next(group for group in match.groups()[1:] if group is not None)
            attributes[match.group(1).lower()] = value
        rels = attributes.get(b"rel", b"").lower().split()
        if b"canonical" in rels and attributes.get(b"href"):
            return attributes[b"href"].decode("utf-8", "replace").strip()
    name = os.path.basename(path)
    if name.endswith(".gz"):
        name = name[:-3]
    return "http://example.org/" + name


def tiny_png():
    """A valid 1x1 grey PNG."""
    def chunk(kind, payload):
        return (struct.pack(">I", len(payload)) + kind + payload
                + struct.pack(">I", zlib.crc32(kind + payload) & 0xFFFFFFFF))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00\x80", 9)) + chunk(b"IEND", b""))


class RecordIds:
    """WARC-Record-ID and WARC-Date from the WARC's file name and the record's position."""

    def __init__(self, warc_name):
        self.warc_name = warc_name
        self.position = 0

    def next(self, label):
        identifier = "<urn:uuid:%s>" % uuid.uuid5(uuid.NAMESPACE_URL, "encx-make-warc:%s#%d:%s" % (
            self.warc_name, self.position, label))
        date = (BASE_DATE + datetime.timedelta(seconds=self.position)).strftime("%Y-%m-%dT%H:%M:%SZ")
        self.position += 1
        return identifier, date


def main(argv=None):
    arguments = parse_arguments(sys.argv[1:] if argv is None else argv)
    warc_name = os.path.basename(arguments.output)
    ids = RecordIds(warc_name)
    manifest = []
    temporary = arguments.output + ".tmp"

    with open(temporary, "wb") as out:
        writer = WARCWriter(out, gzip=arguments.gzip)

        def write(uri, record_type, payload, http_headers, label, page=None, content_type=None):
            record_id, date = ids.next(label)
            headers = {"WARC-Record-ID": record_id, "WARC-Date": date}
            if record_type == "warcinfo":
                headers["WARC-Filename"] = warc_name
            record = writer.create_warc_record(
                uri, record_type, payload=io.BytesIO(payload) if payload is not None else None,
                length=len(payload) if payload is not None else None,
                warc_content_type=content_type or "", warc_headers_dict=headers,
                http_headers=http_headers)
            writer.write_record(record)
            manifest.append({"type": record_type, "page": page, "targetURI": uri or None,
                             "recordID": record_id, "date": date, "label": label})

        info = ("software: encx make-warc.py (warcio)\r\nformat: WARC File Format 1.0\r\n"
                "description: test pages for the encx Spark job\r\n").encode("utf-8")
        write("", "warcinfo", info, None, "warcinfo", content_type="application/warc-fields")

        for index, path in enumerate(arguments.pages):
            data = page_bytes(path)
            uri = target_uri(path, data)
            name = os.path.basename(path)
            charset = arguments.charsets.get(name, "utf-8")
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=%s" % charset),
                                               ("Content-Length", str(len(data)))], protocol="HTTP/1.1")
            write(uri, "response", data, http, "page:" + name, page=path)

            if index == 0:  # records that are not articles, between two pages
                image_uri = "http://example.org/images/pixel.png"
                request = StatusAndHeaders("GET /images/pixel.png HTTP/1.1",
                                           [("Host", "example.org"), ("User-Agent", "make-warc.py")],
                                           is_http_request=True)
                write(image_uri, "request", None, request, "request")
                png = tiny_png()
                image = StatusAndHeaders("200 OK", [("Content-Type", "image/png"),
                                                    ("Content-Length", str(len(png)))],
                                         protocol="HTTP/1.1")
                write(image_uri, "response", png, image, "image")

    os.replace(temporary, arguments.output)
    if arguments.manifest:
        with open(arguments.manifest, "w", encoding="utf-8") as handle:
            json.dump({"warc": arguments.output, "records": manifest}, handle, indent=1, sort_keys=True)
            handle.write("\n")
    pages = sum(1 for record in manifest if record["page"])
    print("make-warc.py: wrote %s (%d records, %d pages, %s)" % (
        arguments.output, len(manifest), pages, "gzip per record" if arguments.gzip else "uncompressed"),
        file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
