#!/usr/bin/env python3
"""Check the table that encx_spark.py wrote against `encx convert` run directly on the same pages.

Used by Scripts/spark/run-local; run with the virtualenv's python (it reads the Parquet output back with
pyspark, so it needs no other package):

    check-rows.py OUTPUT --summary JOB_STDOUT --encx ENCX
        [--warc PATH_AS_LISTED --manifest MANIFEST.json]   # a WARC written by make-warc.py
        [--loose PATH_AS_LISTED]...                          # saved pages listed on their own
        [--missing PATH_AS_LISTED]...                        # paths that do not exist
        [--again OUTPUT2 --again-summary JOB2_STDOUT]        # a second run over the same list

Exits 1 with one line per problem, else prints "spark run-local: OK (...)".
"""

import argparse
import glob
import json
import os
import re
import subprocess
import sys
import urllib.parse

COLUMNS = ["input", "warc_record_id", "warc_date", "url", "title", "site", "article_json", "isbn13",
           "reference_count", "warning_codes", "error", "error_code", "cluster", "canonical"]
ARTICLE_ONLY = ["title", "site", "article_json", "isbn13", "reference_count", "warning_codes", "cluster", "canonical"]
SUMMARY = re.compile(r"encx-spark: (\d+) inputs, (\d+) records, (\d+) articles, (\d+) failures, "
                     r"(\d+) skipped")
# error_code values the job makes itself for a whole input (no line from encx behind them).
INPUT_LEVEL_CODES = {"encx-failed", "fetch-failed"}

# What may legitimately differ between an article read from a WARC record and the same page converted
# directly as a loose file. Nothing else may differ.
ALLOWED_DIFFERENCES = {
    "input": "encx adds the path it was given; the job drops the key from article_json",
    "source.url": "only where the direct run has none (a page with no saved-from comment, canonical "
                  "link or og:url): a WARC record supplies its WARC-Target-URI",
}

problems = []


def problem(message):
    problems.append(message)


def parse_arguments():
    parser = argparse.ArgumentParser(prog="check-rows.py")
    parser.add_argument("output")
    parser.add_argument("--summary", required=True, help="the job's standard output")
    parser.add_argument("--encx", required=True)
    parser.add_argument("--warc")
    parser.add_argument("--manifest")
    parser.add_argument("--loose", action="append", default=[])
    parser.add_argument("--missing", action="append", default=[])
    parser.add_argument("--again")
    parser.add_argument("--again-summary")
    arguments = parser.parse_args()
    if bool(arguments.warc) != bool(arguments.manifest):
        parser.error("--warc and --manifest go together")
    if bool(arguments.again) != bool(arguments.again_summary):
        parser.error("--again and --again-summary go together")
    return arguments


# ---------------------------------------------------------------------------------------------------

def part_files(folder):
    return sorted(glob.glob(os.path.join(folder, "part-*")))


def read_rows(spark, folder):
    """The rows in file order: each part file read on its own, so Spark keeps the written order."""
    if not os.path.exists(os.path.join(folder, "_SUCCESS")):
        problem("%s: no _SUCCESS marker (the write did not finish)" % folder)
    rows = []
    for path in part_files(folder):
        frame = spark.read.parquet(path)
        if frame.columns != COLUMNS:
            problem("%s: columns %s, expected %s" % (path, frame.columns, COLUMNS))
        rows.extend(row.asDict(recursive=True) for row in frame.collect())
    return rows


def strip_part_name(path):
    # part-00000-<uuid>-c000.snappy.parquet -> part-00000 c000.snappy.parquet (the uuid is per job)
    name = os.path.basename(path)
    return re.sub(r"-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "", name)


def compare_part_files(left, right):
    """None when two part files hold the same content, else what differs.

    JSON parts must be byte-identical. Parquet parts must have the same length and the same bytes up
    to the footer (all the data pages); the footer itself is Thrift metadata that parquet-mr does not
    write byte-reproducibly (each column's list of encodings comes from a Java hash set, so its order
    can change from one JVM to the next), and what it says is checked by reading the rows back.
    """
    with open(left, "rb") as one, open(right, "rb") as two:
        first, second = one.read(), two.read()
    if first == second:
        return None
    if len(first) != len(second):
        return "different lengths (%d and %d bytes)" % (len(first), len(second))
    if not left.endswith(".parquet") or first[-4:] != b"PAR1" or second[-4:] != b"PAR1":
        return "different bytes"
    footer_one = int.from_bytes(first[-8:-4], "little")
    footer_two = int.from_bytes(second[-8:-4], "little")
    data_end = len(first) - 8 - footer_one
    if footer_one != footer_two or first[:data_end] != second[:data_end]:
        return "different data pages"
    return None


def read_summary(path):
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    match = SUMMARY.search(text)
    if not match:
        problem("%s: no summary line like 'encx-spark: N inputs, N records, ...'" % path)
        return None
    keys = ("inputs", "records", "articles", "failures", "skipped")
    return dict(zip(keys, (int(group) for group in match.groups())))


def direct_articles(encx, pages):
    """encx convert run directly: {page path: article object}."""
    pages = sorted(set(pages))
    done = subprocess.run([encx, "convert", *pages, "--format", "jsonl", "--quiet", "--jobs", "1"],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if done.returncode != 0:
        problem("encx convert on the fixture pages exited with status %d: %s"
                % (done.returncode, done.stderr.decode("utf-8", "replace").strip()))
    articles = {}
    for line in done.stdout.decode("utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            articles[record.get("input")] = record
    for page in pages:
        if page not in articles or "error" in articles[page]:
            problem("encx convert %s gave no article directly: %s" % (page, articles.get(page)))
    return articles


def local_path(listed):
    if listed.startswith("file://"):
        return urllib.parse.unquote(urllib.parse.urlsplit(listed).path)
    return listed


# ---------------------------------------------------------------------------------------------------

def expected_isbn13(article):
    result = []
    for isbn in article.get("isbns") or []:
        if isbn.get("valid") and isbn.get("isbn13") and isbn["isbn13"] not in result:
            result.append(isbn["isbn13"])
    return result


def differences(expected, actual, path=""):
    if isinstance(expected, dict) and isinstance(actual, dict):
        found = []
        for key in sorted(set(expected) | set(actual)):
            where = "%s.%s" % (path, key) if path else key
            if key not in expected:
                found.append("%s: unexpected (%s)" % (where, json.dumps(actual[key])[:120]))
            elif key not in actual:
                found.append("%s: missing" % where)
            else:
                found.extend(differences(expected[key], actual[key], where))
        return found
    if isinstance(expected, list) and isinstance(actual, list) and len(expected) == len(actual):
        found = []
        for index, (left, right) in enumerate(zip(expected, actual)):
            found.extend(differences(left, right, "%s[%d]" % (path, index)))
        return found
    if expected != actual:
        return ["%s: expected %s, got %s" % (path or "(top)", json.dumps(expected)[:120],
                                             json.dumps(actual)[:120])]
    return []


def check_article_row(label, row, direct, target_uri=None):
    """Compare one article row with encx's direct output for the same page."""
    expected = {key: value for key, value in direct.items() if key != "input"}  # ALLOWED: "input"
    for column in ("error", "error_code"):
        if row[column] is not None:
            problem("%s: %s is %r on an article row" % (label, column, row[column]))
    if row["article_json"] is None:
        problem("%s: no article_json" % label)
        return
    actual = json.loads(row["article_json"])
    for key in ("input", "warc"):
        if key in actual:
            problem("%s: article_json still has the key %r" % (label, key))
    if target_uri is not None and expected.get("source", {}).get("url") is None:
        # ALLOWED: "source.url" where the direct run had none.
        got = (actual.get("source") or {}).get("url")
        if got not in (None, target_uri):
            problem("%s: source.url %r is neither null nor the WARC-Target-URI %r" % (label, got, target_uri))
        expected = json.loads(json.dumps(expected))
        expected["source"]["url"] = got
    found = differences(expected, actual)
    for line in found[:8]:
        problem("%s: article_json differs from encx's direct output at %s" % (label, line))
    if len(found) > 8:
        problem("%s: ... and %d more difference(s) in article_json" % (label, len(found) - 8))
    source = direct.get("source") or {}
    checks = {
        "title": direct.get("title"),
        "site": source.get("site"),
        "isbn13": expected_isbn13(direct),
        "reference_count": len(direct.get("references") or []),
        "warning_codes": [warning["code"] for warning in direct.get("warnings") or []],
    }
    for column, value in checks.items():
        if row[column] != value:
            problem("%s: %s is %r, encx directly gives %r" % (label, column, row[column], value))


def direct_clusters(encx, warc, pages):
    """encx dedupe run directly on the WARC and the loose pages: {("record", id) or ("page", path): line}."""
    inputs = ([warc] if warc else []) + sorted(set(pages))
    done = subprocess.run([encx, "dedupe", *inputs, "--quiet", "--jobs", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if done.returncode != 0:
        problem("encx dedupe %s exited with status %d: %s" % (" ".join(inputs), done.returncode,
                                                               done.stderr.decode("utf-8", "replace")[-2000:]))
        return {}
    found = {}
    for line in done.stdout.decode("utf-8").splitlines():
        record = json.loads(line)
        found[("record", record["record"]) if record.get("record") else ("page", record["input"])] = record
    return found


def check_clusters(rows, direct, arguments):
    """Every article row has the cluster encx dedupe gives it directly, and each cluster one canonical copy
    (the same one as directly, or an exact duplicate of it: a tie broken by the input's name, which is
    written differently in the list, e.g. as a file:// URI)."""
    articles = [row for row in rows if row["error"] is None]
    canonical_rows = {}
    for row in articles:
        if not isinstance(row["cluster"], str) or not re.fullmatch(r"[0-9a-f]{16}", row["cluster"]):
            problem("%s %s: cluster %r is not 16 hex digits" % (row["input"], row["warc_record_id"] or "", row["cluster"]))
        if row["canonical"]:
            if row["cluster"] in canonical_rows:
                problem("cluster %s has two canonical rows" % row["cluster"])
            canonical_rows[row["cluster"]] = row
    for cluster in {row["cluster"] for row in articles} - set(canonical_rows):
        problem("cluster %s has no canonical row" % cluster)
    content_hash = lambda row: json.loads(row["article_json"]).get("contentHash") if row else None
    for row in articles:
        key = ("record", row["warc_record_id"]) if row["warc_record_id"] else ("page", local_path(row["input"]))
        expected = direct.get(key)
        label = "%s %s" % (row["input"], row["warc_record_id"] or "")
        if expected is None:
            problem("%s: no line from encx dedupe run directly" % label)
            continue
        if row["cluster"] != expected["cluster"]:
            problem("%s: cluster %s, encx dedupe directly gives %s" % (label, row["cluster"], expected["cluster"]))
        elif row["canonical"] != expected["canonical"]:
            chosen = canonical_rows.get(row["cluster"])
            tied = [other for other in articles if other["cluster"] == row["cluster"] and content_hash(other) == content_hash(chosen)]
            if row not in tied:
                problem("%s: canonical %s, encx dedupe directly gives %s" % (label, row["canonical"], expected["canonical"]))
    return len(canonical_rows)


def check(arguments, spark):
    rows = read_rows(spark, arguments.output)
    summary = read_summary(arguments.summary)
    manifest = None
    pages = [local_path(listed) for listed in arguments.loose]
    if arguments.manifest:
        with open(arguments.manifest, encoding="utf-8") as handle:
            manifest = json.load(handle)["records"]
        pages += [record["page"] for record in manifest if record["page"]]
    direct = direct_articles(arguments.encx, pages)

    listed = ([arguments.warc] if arguments.warc else []) + arguments.loose + arguments.missing
    by_input = {}
    for row in rows:
        by_input.setdefault(row["input"], []).append(row)
    for name in sorted(set(by_input) - set(listed)):
        problem("rows for an input that was not listed: %r" % name)

    # Sorted by input (the job's promise), and every row is either an article or a failure.
    inputs_in_order = [row["input"] for row in rows]
    if inputs_in_order != sorted(inputs_in_order):
        problem("rows are not sorted by input")
    for index, row in enumerate(rows):
        is_failure = row["error"] is not None
        if is_failure and any(row[column] is not None for column in ARTICLE_ONLY):
            problem("row %d (%s): a failure row with article columns set" % (index, row["input"]))
        if not is_failure and row["article_json"] is None:
            problem("row %d (%s): neither an article nor a failure" % (index, row["input"]))

    # The WARC: one article per page record, in record order; nothing from the other records.
    warc_pages = 0
    other_records = 0
    if arguments.warc:
        warc_rows = by_input.get(arguments.warc, [])
        page_records = [record for record in manifest if record["page"]]
        other_ids = {record["recordID"] for record in manifest if not record["page"]}
        other_records = len(other_ids)
        warc_pages = len(page_records)
        failures = [row for row in warc_rows if row["error"] is not None]
        for row in failures:
            problem("WARC %s: failure row for record %s (%s): %s" % (
                arguments.warc, row["warc_record_id"], row["url"], row["error"]))
        for row in warc_rows:
            if row["warc_record_id"] in other_ids:
                problem("WARC: a row for a record that is not a page (%s, %s)" % (
                    row["warc_record_id"], row["url"]))
        articles = [row for row in warc_rows if row["error"] is None]
        if len(articles) != len(page_records):
            problem("WARC %s: %d article row(s), expected one per page record: %d; got %s. Does this encx "
                    "read WARC files? (ENCX_SPARK_SKIP_WARC=1 leaves the WARC out)" % (
                        arguments.warc, len(articles), len(page_records),
                        [(row["warc_record_id"], row["url"], row["title"]) for row in articles][:5]))
            articles = []  # matching rows to records by position would only add noise
        for row, record in zip(articles, page_records):
            label = "WARC record %s (%s)" % (record["recordID"], os.path.basename(record["page"]))
            for column, key in (("warc_record_id", "recordID"), ("warc_date", "date"), ("url", "targetURI")):
                if row[column] != record[key]:
                    problem("%s: %s is %r, expected %r" % (label, column, row[column], record[key]))
            if record["page"] in direct:
                check_article_row(label, row, direct[record["page"]], target_uri=record["targetURI"])

    # Loose pages: one article each, no WARC columns, url = source.url of the direct run.
    for listed_path in arguments.loose:
        label = "loose page %s" % listed_path
        found = by_input.get(listed_path, [])
        if len(found) != 1:
            problem("%s: %d rows, expected 1" % (label, len(found)))
            continue
        row = found[0]
        if row["warc_record_id"] is not None or row["warc_date"] is not None:
            problem("%s: WARC columns set on a loose page" % label)
        page = local_path(listed_path)
        if page in direct:
            if row["url"] != (direct[page].get("source") or {}).get("url"):
                problem("%s: url %r, expected source.url %r" % (label, row["url"], direct[page]["source"]["url"]))
            check_article_row(label, row, direct[page])

    # Paths that do not exist: exactly one failure row each, with encx's message.
    for listed_path in arguments.missing:
        found = by_input.get(listed_path, [])
        if len(found) != 1:
            problem("missing path %s: %d rows, expected 1 failure row" % (listed_path, len(found)))
            continue
        row = found[0]
        if row["error_code"] != "encx-failed" or not row["error"]:
            problem("missing path %s: error_code %r, error %r; expected encx-failed with encx's message"
                    % (listed_path, row["error_code"], row["error"]))

    loose_pages = [local_path(listed) for listed in arguments.loose]
    clusters = check_clusters(rows, direct_clusters(arguments.encx, arguments.warc, loose_pages), arguments)

    expected_rows = warc_pages + len(arguments.loose) + len(arguments.missing)
    if len(rows) != expected_rows:
        problem("%d rows in all, expected %d" % (len(rows), expected_rows))

    article_rows = sum(1 for row in rows if row["error"] is None)
    failure_rows = len(rows) - article_rows
    input_level = sum(1 for row in rows if row["error_code"] in INPUT_LEVEL_CODES)
    if summary:
        expected = {"inputs": len(listed), "articles": article_rows, "failures": failure_rows}
        for key, value in expected.items():
            if summary[key] != value:
                problem("summary says %d %s, expected %d" % (summary[key], key, value))
        # No --url-pattern / --family-only here, so the only lines encx may mark "skipped" are the
        # WARC's records that are not pages (warcinfo, request, image).
        if not 0 <= summary["skipped"] <= other_records:
            problem("summary says %d skipped, expected 0..%d" % (summary["skipped"], other_records))
        records = article_rows + (failure_rows - input_level) + summary["skipped"]
        if summary["records"] != records:
            problem("summary says %d records, expected %d (articles + encx's failure lines + skipped)"
                    % (summary["records"], records))

    # A second run over the same list: the same rows, and the same bytes in the same part files.
    if arguments.again:
        again = read_rows(spark, arguments.again)
        if again != rows:
            first_difference = next((index for index, (left, right) in enumerate(zip(rows, again))
                                     if left != right), min(len(rows), len(again)))
            problem("the second run's rows differ from the first's (first at row %d; %d vs %d rows)"
                    % (first_difference, len(rows), len(again)))
        first_files = part_files(arguments.output)
        again_files = part_files(arguments.again)
        if [strip_part_name(path) for path in first_files] != [strip_part_name(path) for path in again_files]:
            problem("the two runs wrote different part files: %s vs %s" % (
                [os.path.basename(path) for path in first_files], [os.path.basename(path) for path in again_files]))
        else:
            for left, right in zip(first_files, again_files):
                difference = compare_part_files(left, right)
                if difference:
                    problem("%s and %s: %s" % (left, right, difference))
        summary_again = read_summary(arguments.again_summary)
        if summary and summary_again and summary_again != summary:
            problem("the second run's counts %s differ from the first's %s" % (summary_again, summary))

    return {"rows": len(rows), "warc_pages": warc_pages, "loose": len(arguments.loose),
            "missing": len(arguments.missing), "summary": summary, "clusters": clusters}


def main():
    arguments = parse_arguments()
    from pyspark.sql import SparkSession
    spark = (SparkSession.builder.master("local[1]").appName("encx-spark-check")
             .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    try:
        result = check(arguments, spark)
    finally:
        spark.stop()
    if problems:
        print("spark run-local: FAILED, %d problem(s):" % len(problems), file=sys.stderr)
        for line in problems:
            print("  " + line, file=sys.stderr)
        return 1
    summary = result["summary"] or {}
    print("spark run-local: OK (%d rows: %d WARC pages, %d loose pages, %d missing path; "
          "%d inputs, %d records, %d articles, %d failures, %d skipped; %d clusters as encx dedupe gives%s)" % (
              result["rows"], result["warc_pages"], result["loose"], result["missing"],
              summary.get("inputs", 0), summary.get("records", 0), summary.get("articles", 0),
              summary.get("failures", 0), summary.get("skipped", 0), result["clusters"],
              "; second run identical" if arguments.again else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
