#!/usr/bin/env python3
"""Run `encx convert` over a large corpus with PySpark and write one table.

    spark-submit [--files /path/to/encx] Scripts/spark/encx_spark.py INPUT_LIST OUTPUT \
        [--output-format parquet|json] [--encx PATH] [--partitions N] \
        [--url-pattern REGEX] [--family-only]

INPUT_LIST is a text file that Spark can read (local, hdfs://, s3a://, ...) holding one input per line:
a WARC file (.warc, .warc.gz) or a saved page (.html, .htm, .html.gz, .mhtml, .mht), given as a local
path, a file:// URI, an hdfs:// URI or an s3:// / s3a:// URI (http:// and https:// work too). Blank lines
and lines starting with # are ignored.

The inputs are spread over the cluster, one per partition unless --partitions says otherwise. Each task
copies a remote input to a local temporary file (s3 through boto3, hdfs through `hdfs dfs -get`), runs
`encx convert FILE --format jsonl --quiet --jobs 1` on it, reads encx's JSON Lines as they come, and
deletes the temporary file. The table has one row per article and one row per failed input or WARC
record; its columns are listed in COLUMNS below. Rows are sorted by input, then WARC offset, then the
order encx printed them, so running the job twice over the same inputs writes the same rows.

Copies of one article (the same article from several mirrors) get the same `cluster`, and the copy to keep
`canonical` = true, in a second pass: every article row becomes a small dedupe record (its fingerprint and
contentHash from the article's JSON, and its completeness counted from it the way encx counts it), the
records go to one task in a fixed order, `encx dedupe --records` clusters them there (1,000,000 records
take about 4 s and a few hundred MB), and the clusters are joined back to the rows. --dedupe-threshold
sets encx dedupe's --threshold.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request

# Public columns, in table order. Helper columns used only for sorting start with "_".
COLUMNS = [
    ("input", "string"),            # the path exactly as written in INPUT_LIST
    ("warc_record_id", "string"),   # WARC-Record-ID, for records read from a WARC file
    ("warc_date", "string"),        # WARC-Date
    ("url", "string"),              # WARC-Target-URI, else the article's source.url
    ("title", "string"),
    ("site", "string"),             # source.site
    ("article_json", "string"),     # the article, compact with sorted keys, without "input" / "warc"
    ("isbn13", "array<string>"),    # ISBN-13 of the valid ISBNs, in order, deduplicated
    ("reference_count", "int"),
    ("warning_codes", "array<string>"),
    ("error", "string"),            # null for articles
    ("error_code", "string"),       # null for articles
    ("cluster", "string"),          # the article's cluster of copies (encx dedupe's id); null for failures
    ("canonical", "boolean"),       # true for the copy to keep in its cluster; null for failures
]
# The WARC record's offset (else the previous line's, -1 before any) and the line's number in encx's output.
SORT_COLUMNS = [("_offset", "long"), ("_seq", "long")]
COLUMN_INDEX = {name: index for index, (name, _) in enumerate(COLUMNS)}

# error_code values this job makes itself (every other one comes from encx's "errorCode").
ENCX_FAILED = "encx-failed"      # encx exited with a status other than 0 or 1, or printed no line
FETCH_FAILED = "fetch-failed"    # a remote input could not be copied to the executor
BAD_OUTPUT = "bad-output"        # encx printed a line that is not a JSON object

STDERR_LIMIT = 8000              # characters of encx's standard error kept in a failure row
CONFIG_ERROR_PREFIX = "encx-spark configuration error: "


class ConfigError(RuntimeError):
    """A problem with the cluster's set-up (no encx, no boto3, no hdfs command): fails the job."""

    def __init__(self, message):
        super().__init__(CONFIG_ERROR_PREFIX + message)


class FetchError(Exception):
    """A remote input that could not be copied: becomes a failure row for that input."""


# ---------------------------------------------------------------------------------------------------
# Finding the encx binary (runs on the executors)

_encx_cache = {}


def _make_executable(path):
    """Return a path to an executable copy of `path` (chmod in place, else a private copy)."""
    if os.access(path, os.X_OK):
        return path
    try:
        os.chmod(path, os.stat(path).st_mode | 0o111)
        if os.access(path, os.X_OK):
            return path
    except OSError:
        pass
    # A read-only file (YARN localises --files so): one private executable copy per worker machine,
    # named after the file's size and time so that a new binary gets a new copy.
    info = os.stat(path)
    copy_dir = os.path.join(tempfile.gettempdir(), "encx-spark-bin-%d" % os.getuid())
    copy = os.path.join(copy_dir, "encx-%d-%d" % (info.st_size, int(info.st_mtime)))
    if not os.access(copy, os.X_OK):
        os.makedirs(copy_dir, exist_ok=True)
        partial = "%s.%d.tmp" % (copy, os.getpid())
        shutil.copyfile(path, partial)
        os.chmod(partial, 0o755)
        os.replace(partial, copy)  # atomic: tasks running side by side never see half a file
    return copy


def resolve_encx(explicit):
    """--encx PATH, else a file `encx` shipped with spark-submit --files, else encx on PATH."""
    key = explicit or ""
    if key in _encx_cache:
        return _encx_cache[key]
    if explicit:
        if not os.path.isfile(explicit):
            raise ConfigError("--encx %s: no such file on this executor (%s)" % (explicit, _host()))
        found = _make_executable(explicit)
    else:
        found = None
        try:
            # Files from `spark-submit --files` (on YARN the executor's files root is its working folder).
            from pyspark import SparkFiles
            shipped = SparkFiles.get("encx")
        except Exception:  # no files root on this worker
            shipped = None
        if shipped and os.path.isfile(shipped):
            found = _make_executable(shipped)
        if found is None:
            found = shutil.which("encx")
        if found is None:
            raise ConfigError(
                "no encx binary on executor %s: pass --encx PATH, ship it with "
                "`spark-submit --files /path/to/encx`, or put encx on the PATH" % _host())
    _encx_cache[key] = found
    return found


def _host():
    try:
        import socket
        return socket.gethostname()
    except Exception:
        return "?"


def probe(config, schemes):
    """Runs in one task before the job: encx found and runnable, and the clients the inputs need."""
    try:
        encx = resolve_encx(config["encx"])
        done = subprocess.run([encx, "--version"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              stdin=subprocess.DEVNULL, timeout=60)
        if done.returncode != 0:
            raise ConfigError("%s --version exited with status %d: %s" % (
                encx, done.returncode, done.stderr.decode("utf-8", "replace").strip()))
        if schemes & {"s3", "s3a", "s3n"}:
            _import_boto3()
        if "hdfs" in schemes and shutil.which("hdfs") is None:
            raise ConfigError("hdfs:// inputs need the `hdfs` command on the executors' PATH")
        version = (done.stdout or done.stderr).decode("utf-8", "replace").strip()
        return {"ok": True, "encx": encx, "version": version, "host": _host()}
    except ConfigError as error:
        return {"ok": False, "message": str(error)}
    except OSError as error:
        return {"ok": False, "message": CONFIG_ERROR_PREFIX + "cannot run encx: %s" % error}


# ---------------------------------------------------------------------------------------------------
# Getting an input onto the executor's disk (runs on the executors)

def _import_boto3():
    try:
        import boto3  # imported here so that the job needs boto3 only for s3 inputs
        return boto3
    except ImportError:
        raise ConfigError("s3:// and s3a:// inputs need boto3 on the executors (pip install boto3)")


def scheme_of(path):
    parsed = urllib.parse.urlsplit(path)
    # A one-letter scheme would be a Windows drive; anything else without "://" is a plain path.
    if "://" not in path or len(parsed.scheme) < 2:
        return ""
    return parsed.scheme.lower()


def materialise(path):
    """Return (local_path, cleanup). Local inputs are used in place; remote ones are copied."""
    scheme = scheme_of(path)
    if scheme == "":
        return path, lambda: None
    parsed = urllib.parse.urlsplit(path)
    if scheme == "file":
        return urllib.parse.unquote(parsed.path), lambda: None

    name = os.path.basename(parsed.path.rstrip("/")) or "input"
    # Keep the file name: encx tells WARC, MHTML and HTML (and .gz) apart by the name's ending.
    temp_dir = tempfile.mkdtemp(prefix="encx-spark-")
    local = os.path.join(temp_dir, urllib.parse.unquote(name))

    def cleanup():
        shutil.rmtree(temp_dir, ignore_errors=True)

    try:
        if scheme in ("s3", "s3a", "s3n"):
            boto3 = _import_boto3()
            bucket, key = parsed.netloc, parsed.path.lstrip("/")
            try:
                boto3.client("s3").download_file(bucket, key, local)
            except Exception as error:  # botocore's errors: missing key, access denied, ...
                raise FetchError("cannot copy %s: %s" % (path, error))
        elif scheme == "hdfs":
            if shutil.which("hdfs") is None:
                raise ConfigError("hdfs:// inputs need the `hdfs` command on the executors' PATH")
            done = subprocess.run(["hdfs", "dfs", "-get", path, local], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
            if done.returncode != 0:
                raise FetchError("hdfs dfs -get %s failed (status %d): %s" % (
                    path, done.returncode, done.stderr.decode("utf-8", "replace").strip()[-STDERR_LIMIT:]))
        elif scheme in ("http", "https"):
            try:
                with urllib.request.urlopen(path, timeout=300) as response, open(local, "wb") as out:
                    shutil.copyfileobj(response, out, 1 << 20)
            except Exception as error:
                raise FetchError("cannot download %s: %s" % (path, error))
        else:
            raise FetchError("unsupported input scheme %r in %s (use a local path, file://, hdfs://, "
                             "s3:// or s3a://)" % (scheme, path))
    except BaseException:
        cleanup()
        raise
    return local, cleanup


# ---------------------------------------------------------------------------------------------------
# Turning encx's JSON Lines into rows (runs on the executors)

def _row(input_path, seq, offset, warc=None, url=None, title=None, site=None, article_json=None,
         isbn13=None, reference_count=None, warning_codes=None, error=None, error_code=None):
    warc = warc or {}
    # cluster and canonical are filled in by the dedupe pass.
    return (input_path, _str_or_none(warc.get("recordID")), _str_or_none(warc.get("date")), url, title,
            site, article_json, isbn13, reference_count, warning_codes, error, error_code, None, None, offset, seq)


def _str_or_none(value):
    return None if value is None else str(value)


def _warc_offset(warc):
    offset = warc.get("offset") if warc else None
    return offset if isinstance(offset, int) and not isinstance(offset, bool) else None


def valid_isbn13s(isbns):
    seen, result = set(), []
    for isbn in isbns or []:
        if isinstance(isbn, dict) and isbn.get("valid") is True and isbn.get("isbn13"):
            value = str(isbn["isbn13"])
            if value not in seen:
                seen.add(value)
                result.append(value)
    return result


def line_to_row(input_path, seq, line, previous_offset=-1):
    """Return ("article" | "failure" | "skipped", row) for one line encx printed (skipped: not written).

    The row's sort offset is the WARC record's offset, else the previous line's (a line without a
    "warc" object stays where encx printed it); loose pages have none and sort by line order alone.
    """
    try:
        record = json.loads(line)
    except ValueError:
        record = None
    if not isinstance(record, dict):
        return "failure", _row(input_path, seq, previous_offset,
                               error="encx printed a line that is not a JSON object: %s" % line[:500],
                               error_code=BAD_OUTPUT)
    warc = record.get("warc") if isinstance(record.get("warc"), dict) else None
    offset = _warc_offset(warc)
    if offset is None:
        offset = previous_offset
    target = _str_or_none(warc.get("targetURI")) if warc else None
    if "skipped" in record:
        return "skipped", _row(input_path, seq, offset)  # not written; carries the offset
    if "error" in record:
        return "failure", _row(input_path, seq, offset, warc, url=target,
                               error=_str_or_none(record.get("error")),
                               error_code=_str_or_none(record.get("errorCode")))
    article = {key: value for key, value in record.items() if key not in ("input", "warc")}
    source = article.get("source") if isinstance(article.get("source"), dict) else {}
    references = article.get("references") if isinstance(article.get("references"), list) else []
    warnings = article.get("warnings") if isinstance(article.get("warnings"), list) else []
    return "article", _row(
        input_path, seq, offset, warc,
        url=target if target is not None else _str_or_none(source.get("url")),
        title=_str_or_none(article.get("title")),
        site=_str_or_none(source.get("site")),
        article_json=json.dumps(article, sort_keys=True, separators=(",", ":"), ensure_ascii=False),
        isbn13=valid_isbn13s(article.get("isbns")),
        reference_count=len(references),
        warning_codes=[str(w.get("code")) for w in warnings if isinstance(w, dict)])


def encx_command(encx, local_path, config):
    command = [encx, "convert", local_path, "--format", "jsonl", "--quiet", "--jobs", "1"]
    if config.get("url_pattern"):
        command += ["--url-pattern", config["url_pattern"]]
    if config.get("family_only"):
        command.append("--family-only")
    return command


def process_input(input_path, config, counters):
    """Yield the rows for one input, reading encx's output line by line."""
    records, articles, failures, skipped = counters
    encx = resolve_encx(config["encx"])
    try:
        local_path, cleanup = materialise(input_path)
    except FetchError as error:
        failures.add(1)
        yield _row(input_path, 1, -1, error=str(error), error_code=FETCH_FAILED)
        return
    try:
        with tempfile.TemporaryFile() as stderr_file:  # a file, not a pipe: no deadlock on chatty stderr
            process = subprocess.Popen(encx_command(encx, local_path, config), stdin=subprocess.DEVNULL,
                                       stdout=subprocess.PIPE, stderr=stderr_file)
            seq, offset = 0, -1
            try:
                for raw in process.stdout:
                    line = raw.decode("utf-8", "replace").strip()
                    if not line:
                        continue
                    seq += 1
                    records.add(1)
                    kind, row = line_to_row(input_path, seq, line, offset)
                    offset = row[len(COLUMNS)]  # the sort offset, carried to the next line
                    if kind == "article":
                        articles.add(1)
                    elif kind == "failure":
                        failures.add(1)
                    else:
                        skipped.add(1)
                        continue
                    yield row
                status = process.wait()
            finally:
                if process.poll() is None:  # the consumer stopped early: do not leave encx running
                    process.kill()
                    process.wait()
                process.stdout.close()
            if status not in (0, 1) or seq == 0:
                stderr_file.seek(0)
                stderr = stderr_file.read().decode("utf-8", "replace").strip()
                if len(stderr) > STDERR_LIMIT:
                    stderr = "..." + stderr[-STDERR_LIMIT:]
                what = ("was killed by signal %d" % -status) if status < 0 else ("exited with status %d" % status)
                if not stderr:
                    stderr = "encx %s and printed %s for %s" % (
                        what, "no line" if seq == 0 else "%d line(s)" % seq, input_path)
                elif status < 0:
                    stderr += "\n(encx %s)" % what
                failures.add(1)
                yield _row(input_path, seq + 1, offset, error=stderr, error_code=ENCX_FAILED)
    finally:
        cleanup()


def process_partition(paths, config, counters):
    for path in paths:
        for row in process_input(path, config, counters):
            yield row


# ---------------------------------------------------------------------------------------------------
# The dedupe pass: clusters of copies (runs in one task)

# Warnings that count against a copy (encx's Completeness.repairCodes).
REPAIR_CODES = {"toc-heading-missing", "heading-not-in-toc", "section-order", "section-restored", "misplaced-notes",
                "misplaced-references", "misplaced-prose", "title-from-head", "empty-article", "parse-truncated",
                "encoding-repaired", "encoding-guessed", "charset-unknown", "nul-removed", "replacement-characters"}


def _utf8_length(text):
    return len(text.encode("utf-8")) if isinstance(text, str) else 0


def completeness(article):
    """What encx's Completeness counts, from an article's JSON: sections at every level, references,
    valid ISBNs, UTF-8 bytes of prose (the text the fingerprint reads), repair warnings."""
    def list_items(items):
        return sum(_utf8_length(item.get("text")) + list_items(item.get("items") or []) for item in items or [])

    def blocks(block_list):
        total = 0
        for block in block_list or []:
            kind = block.get("type")
            if kind in ("paragraph", "quote"):
                total += _utf8_length(block.get("text"))
            elif kind == "list":
                total += list_items(block.get("items"))
            elif kind == "table":
                total += _utf8_length(block.get("caption")) + sum(_utf8_length(cell) for row in block.get("rows") or [] for cell in row)
            elif kind == "figure":
                total += _utf8_length(block.get("caption"))
            elif kind == "definitions":
                total += sum(_utf8_length(item.get("term")) + _utf8_length(item.get("definition")) for item in block.get("items") or [])
        return total

    def prose(sections):
        return sum(_utf8_length(section.get("title")) + blocks(section.get("blocks")) + prose(section.get("sections"))
                   for section in sections or [] if section.get("referenceKind") is None)

    def count(sections):
        return sum(1 + count(section.get("sections")) for section in sections or [])

    return {"sections": count(article.get("sections")),
            "references": len(article.get("references") or []),
            "isbns": sum(1 for isbn in article.get("isbns") or [] if isinstance(isbn, dict) and isbn.get("valid") is True),
            "proseBytes": blocks(article.get("lead")) + prose(article.get("sections")),
            "repairs": sum(1 for warning in article.get("warnings") or []
                           if isinstance(warning, dict) and warning.get("code") in REPAIR_CODES)}


def dedupe_record(row):
    """((input, offset, seq), the encx dedupe record of an article row)."""
    article = json.loads(row[COLUMN_INDEX["article_json"]])
    record = {"input": row[0], "record": row[COLUMN_INDEX["warc_record_id"]], "url": row[COLUMN_INDEX["url"]],
              "site": row[COLUMN_INDEX["site"]], "title": row[COLUMN_INDEX["title"]],
              "fingerprint": article.get("fingerprint"), "contentHash": article.get("contentHash"),
              "completeness": completeness(article)}
    return (row[0], row[len(COLUMNS)], row[len(COLUMNS) + 1]), json.dumps(record, sort_keys=True, ensure_ascii=False)


def run_dedupe(keyed_records, config):
    """Runs `encx dedupe --records` over every record (the partition holds them all, in key order) and
    yields (input, offset, seq, cluster, canonical). Records and keys go through temporary files, so
    memory stays small however many there are."""
    encx = resolve_encx(config["encx"])
    with tempfile.TemporaryDirectory(prefix="encx-dedupe-") as folder:
        records_path = os.path.join(folder, "records.jsonl")
        keys_path = os.path.join(folder, "keys.jsonl")
        with open(records_path, "w", encoding="utf-8") as records, open(keys_path, "w", encoding="utf-8") as keys:
            for key, record in keyed_records:
                records.write(record + "\n")
                keys.write(json.dumps(list(key)) + "\n")
        command = [encx, "dedupe", "--records", records_path, "--quiet", "--threshold", str(config["dedupe_threshold"]),
                   "--output", os.path.join(folder, "clusters.jsonl")]
        done = subprocess.run(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if done.returncode != 0:
            raise RuntimeError("encx dedupe exited with status %d: %s" % (
                done.returncode, done.stderr.decode("utf-8", "replace")[-STDERR_LIMIT:]))
        with open(keys_path, encoding="utf-8") as keys, open(os.path.join(folder, "clusters.jsonl"), encoding="utf-8") as clusters:
            for key_line, cluster_line in zip(keys, clusters):
                input_path, offset, seq = json.loads(key_line)
                cluster = json.loads(cluster_line)
                yield (input_path, offset, seq, cluster["cluster"], cluster["canonical"])


# ---------------------------------------------------------------------------------------------------
# The driver

def parse_arguments(argv):
    parser = argparse.ArgumentParser(
        prog="encx_spark.py",
        description="Run `encx convert` over a list of WARC files and saved pages with Spark; "
                    "write one row per article and per failed input or record.")
    parser.add_argument("input_list", metavar="INPUT_LIST",
                        help="text file (local, hdfs://, s3a://, ...) with one input path or URI per line")
    parser.add_argument("output", metavar="OUTPUT", help="output folder (overwritten)")
    parser.add_argument("--output-format", choices=("parquet", "json"), default="parquet")
    parser.add_argument("--encx", metavar="PATH",
                        help="encx binary on every executor (default: a file shipped with --files encx, "
                             "else encx on the PATH)")
    parser.add_argument("--partitions", type=int, metavar="N",
                        help="number of partitions for the inputs (default: one per input)")
    parser.add_argument("--url-pattern", metavar="REGEX", help="passed to encx convert --url-pattern")
    parser.add_argument("--family-only", action="store_true", help="passed to encx convert --family-only")
    parser.add_argument("--dedupe-threshold", type=float, default=0.5, metavar="T",
                        help="encx dedupe --threshold for the cluster column (default 0.5)")
    arguments = parser.parse_args(argv)
    if not 0.05 <= arguments.dedupe_threshold <= 1:
        parser.error("--dedupe-threshold must be between 0.05 and 1")
    if arguments.partitions is not None and arguments.partitions < 1:
        parser.error("--partitions must be at least 1")
    if arguments.url_pattern is not None:
        try:
            re.compile(arguments.url_pattern)
        except re.error as error:
            parser.error("--url-pattern is not a valid regular expression: %s" % error)
    return arguments


def spark_schema(columns=None):
    from pyspark.sql.types import (ArrayType, BooleanType, IntegerType, LongType, StringType, StructField,
                                   StructType)
    types = {"string": StringType(), "int": IntegerType(), "long": LongType(), "boolean": BooleanType(),
             "array<string>": ArrayType(StringType(), containsNull=False)}
    return StructType([StructField(name, types[kind], nullable=True)
                       for name, kind in (columns or COLUMNS + SORT_COLUMNS)])


def read_input_list(spark_context, input_list):
    paths = []
    for line in spark_context.textFile(input_list).collect():
        line = line.strip()
        if line and not line.startswith("#"):
            paths.append(line)
    return paths


def _config_message(error):
    """The ConfigError text inside a Spark job failure, if that is what failed the job."""
    match = re.search(re.escape(CONFIG_ERROR_PREFIX) + r"[^\n]*", str(error))
    return match.group(0) if match else None


def main(argv=None):
    arguments = parse_arguments(sys.argv[1:] if argv is None else argv)

    from pyspark import StorageLevel
    from pyspark.sql import SparkSession
    from pyspark.sql.functions import col

    spark = SparkSession.builder.appName("encx-spark").getOrCreate()
    context = spark.sparkContext
    config = {"encx": arguments.encx, "url_pattern": arguments.url_pattern,
              "family_only": arguments.family_only, "dedupe_threshold": arguments.dedupe_threshold}
    try:
        paths = read_input_list(context, arguments.input_list)
        schemes = {scheme_of(path) for path in paths}

        checked = context.parallelize([0], 1).map(lambda _: probe(config, schemes)).collect()[0]
        if not checked["ok"]:
            print(checked["message"], file=sys.stderr)
            return 2
        print("encx-spark: %d inputs; encx %s at %s (checked on %s)" % (
            len(paths), checked["version"], checked["encx"], checked["host"]), file=sys.stderr)

        counters = tuple(context.accumulator(0) for _ in range(4))  # records, articles, failures, skipped
        partitions = arguments.partitions or max(1, len(paths))
        assigned = None
        rows = (context.parallelize(paths, partitions)
                .mapPartitions(lambda part: process_partition(part, config, counters))
                .persist(StorageLevel.MEMORY_AND_DISK))
        try:
            # The one action that runs encx: the counts are read right after it. Later actions read
            # the persisted rows (a lost block would be recomputed, but the counts are taken already).
            row_count = rows.count()
            records, articles, failures, skipped = (counter.value for counter in counters)

            # The dedupe pass: every article's record to one task, in key order; the clusters joined back.
            assigned = (rows.filter(lambda row: row[COLUMN_INDEX["article_json"]] is not None)
                        .map(dedupe_record)
                        .sortByKey(numPartitions=1)
                        .mapPartitions(lambda part: run_dedupe(part, config))
                        .persist(StorageLevel.MEMORY_AND_DISK))
            assigned_frame = spark.createDataFrame(assigned, spark_schema(
                [("input", "string"), ("_offset", "long"), ("_seq", "long"), ("cluster", "string"), ("canonical", "boolean")]))
            clusters = assigned_frame.filter(col("canonical")).count()

            frame = spark.createDataFrame(rows, spark_schema()).drop("cluster", "canonical")
            joined = frame.join(assigned_frame, on=["input", "_offset", "_seq"], how="left")
            ordered = joined.orderBy(col("input").asc(), col("_offset").asc(), col("_seq").asc())
            table = ordered.select(*[name for name, _ in COLUMNS])
            writer = table.write.mode("overwrite").format(arguments.output_format)
            if arguments.output_format == "json":
                writer = writer.option("ignoreNullFields", "false")  # every row has every key
            writer.save(arguments.output)
        finally:
            rows.unpersist()
            if assigned is not None:
                assigned.unpersist()
    except Exception as error:
        message = _config_message(error)
        if message is None:
            raise
        print(message, file=sys.stderr)
        return 2
    finally:
        spark.stop()

    if row_count != articles + failures:
        print("encx-spark: warning: %d rows but %d articles + %d failures counted (a task was retried?)"
              % (row_count, articles, failures), file=sys.stderr)
    print("encx-spark: %d inputs, %d records, %d articles, %d failures, %d skipped; %d rows written to %s (%s); "
          "%d clusters of copies (dedupe threshold %.2f)"
          % (len(paths), records, articles, failures, skipped, row_count, arguments.output,
             arguments.output_format, clusters, arguments.dedupe_threshold))
    return 0


if __name__ == "__main__":
    sys.exit(main())
