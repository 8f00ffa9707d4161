"""A generative fuzz test of the content loaders, at the process level: the build never crashes, it only reports.

Not libFuzzer: an in-process fuzz target would need a separate sanitizer build of the portal libraries
(`-sanitize=fuzzer,address`), which adds minutes to CI on every run. Instead this property test
mutates a small, valid content tree (`corpus/tree/`, real files from the sample `Content/`) and runs
the release binary's `portal check` on it:

- the exit status is 0 or 1: never a signal, never 2 (usage), never a timeout;
- stderr carries no crash text ("Fatal error", "Stack dump", "Segmentation", ...);
- every non-empty stderr line is a diagnostic `path:line:column: error|warning: message` (or the
  source line quoted under it, or its caret line) whose path
  exists in the mutated tree (or is the content folder) and whose line and column are positive,
  or the closing summary "N Fehler in M Dateien; nichts geschrieben."; exit 1 comes with at least
  one error and the summary, exit 0 with warnings only.

Reported but not failed: cases slower than 2 s, diagnostics whose line lies past the end of the
file, and messages that copy control characters (ESC, CR, DEL, ...) from the content.

Environment:
  FUZZ_SECONDS   time budget (default 60)
  FUZZ_SEED      master seed (default 20261127); the sequence of cases is fixed per seed
  FUZZ_CASE      replay one case by its case seed (printed with each failure), ignoring the budget
  PORTAL_BIN     the binary, relative to the repo root (default .build/release/portal, else debug)

Each failing case is saved to /dev/shm/fuzz-failures/<n>/ (tree/, mutations.txt, stderr.txt,
reproduce.sh); the run continues to the end of its budget and then fails listing them all.
"""

from __future__ import annotations

import os
import random
import re
import resource
import shutil
import subprocess
import tempfile
import time
from collections import Counter
from pathlib import Path

import pytest

from conftest import CRASH_MARKERS, REPO, portal_bin

CORPUS = Path(__file__).resolve().parent / "corpus" / "tree"
FAILURES = Path("/dev/shm/fuzz-failures") if os.access("/dev/shm", os.W_OK) else Path(tempfile.gettempdir()) / "fuzz-failures"
CASE_TIMEOUT = 20  # seconds; a check of the corpus tree takes well under 0.1 s
SLOW = 2.0  # seconds; slower cases are listed (not failed)
MEMORY_LIMIT = 4 << 30  # address space per case; a normal check needs far less than 1 GiB
DIAGNOSTIC = re.compile(r"^(?P<path>.+?):(?P<line>-?\d+):(?P<column>-?\d+): (?P<severity>error|warning): (?P<message>.*)$")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # everything but tab and line feed
# The quoted source line and the caret line under a diagnostic (see DiagnosticPrinter.swift).
QUOTE = re.compile(r"^\d+ \| .*$")
CARET = re.compile(r"^ +\| +\^$")
# More than 20 messages on one line: the first 20, then one line with the count (main.swift).
OMITTED = re.compile(r"^.+?:\d+: … und \d+ weitere Meldungen in dieser Zeile \(nicht gezeigt\)$")
SUMMARY = re.compile(r"^(?P<errors>\d+) Fehler in (?P<files>\d+) (Datei|Dateien); nichts geschrieben\.$")


# --- mutations ---------------------------------------------------------------------------------

# YAML, Markdown and CSV syntax, and byte sequences that parsers trip over.
SPECIAL = [
    b": ", b":", b"- ", b"-", b"[", b"]", b"{", b"}", b"&", b"&a ", b"*", b"*a", b"!", b"!!str ", b"!!binary ",
    b"!<tag:x> ", b"|", b"|-\n", b">", b">-\n", b'"', b"'", b"#", b"# ", b"%", b"%YAML 1.1\n", b"%TAG ! x\n",
    b"---", b"\n---\n", b"---\n", b"...", b"\n...\n", b"? ", b"<<: *a\n", b"&a [*a, *a]", b"@", b"`", b"\t", b"\r",
    b"\r\n", b",", b'""', b'","', b'"\n"', b"\n", b"\n\n", b"\xef\xbb\xbf", b"\x00", b"\x1b[31m", b"\x7f", b"\x0c",
    b"<script>alert(1)</script>", b"<!-- ", b"<div>", b"[x](javascript:alert(1))", b"[x](JaVa\tScRiPt:x)",
    b"![bild](http://example.org/b.png)", b"[link](/leistungen/gibt-es-nicht/)", b"[link](relativ/pfad)",
    b"[link](/)", b"<http://example.org>", b"[^1]", b"\n| a | b |\n|---|---|\n| 1 | 2 |\n", b"```", b"~~~", b"~~",
    b"**", b"__", b"\\", b"&amp;", b"&#0;", b"&#x110000;", b"- [ ] ", b"- [x] ", b"## ", b"# ", b"###### ", b"1. ",
    b"> ", b"    ", b"\xcc\x81", b"\xe2\x80\xae", b"\xe2\x80\x8b", b"\xf0\x9f\x90\x95", b"\xed\xa0\x80", b"\xc0\xaf",
    b"\xff\xfe", b"\xc3", b"%s%n%x", b"{{", b"}}", b"{{{x}}}", b"{{> base}}", b"null", b"~", b"true", b"yes",
    b"no", b"2026-02-30", b"0x1F", b"0o17", b"1e400", b".inf", b"-.nan", b"=", b"\"\"\"", b"a,b,c,d",
    # Values that carry a line break or a terminal escape into a message quoting them.
    b'"a\\nb"', b'"\\e[2J\\e[31m"', b'"x\\ry"', b'"\\u2028"', b"|\n  zwei\n  Zeilen\n", b'"a\nb",', b"\x1b[2J",
]
DEEP = [b"[", b"{a: ", b"- ", b"> ", b"* ", b"1. ", b"+ ", b"[x](", b"(", b"<", b"*", b"_", b"`", b"~", b"#", b"![", b"&", b"\\"]
HUGE = [b"9" * 20, b"9" * 400, b"9" * 5000, b"18446744073709551616", b"-9223372036854775809", b"1e99999",
        b"-1", b"0", b"00000000", b"0" * 300 + b"1", b"1" * 8 + b"." + b"9" * 50, b"99999999", b"1_000_000"]


class Mutator:
    """Byte-level mutations of one file; each returns new bytes and a description."""

    def __init__(self, rng: random.Random, tree_files: dict[str, bytes]):
        self.rng = rng
        self.tree_files = tree_files

    def position(self, data: bytes) -> int:
        """A random offset, the start of a random line, or the value after a random ': '."""
        if not data:
            return 0
        kind = self.rng.random()
        if kind < 0.4:
            return self.rng.randrange(len(data) + 1)
        starts = [0] + [i + 1 for i, b in enumerate(data) if b == 0x0A]
        start = self.rng.choice(starts)
        if kind < 0.75:
            return start
        end = data.find(b"\n", start)
        end = len(data) if end < 0 else end
        colon = data.find(b": ", start, end)
        return colon + 2 if colon >= 0 else end

    def lines(self, data: bytes) -> list[bytes]:
        return data.split(b"\n")

    def byte_flip(self, data):
        if not data:
            return data, "byte_flip (empty file: unchanged)"
        buf = bytearray(data)
        spots = []
        low = self.rng.random() < 0.5  # only bits 0-6: ASCII stays ASCII, so the file stays UTF-8 more often
        for _ in range(self.rng.randint(1, 8)):
            i = self.rng.randrange(len(buf))
            bit = 1 << self.rng.randrange(7 if low else 8)
            buf[i] ^= bit
            spots.append(f"{i}^{bit:#04x}")
        return bytes(buf), "byte_flip " + ",".join(spots)

    def insert_random_bytes(self, data):
        n = self.rng.choice([1, 2, 3, 8, 64, 512])
        kind = self.rng.random()
        if kind < 0.33:
            chunk = bytes(self.rng.randrange(256) for _ in range(n))
        elif kind < 0.66:  # bias towards NUL, invalid UTF-8 lead/continuation bytes and ASCII control characters
            chunk = bytes(self.rng.choice([0x00, 0x80, 0xBF, 0xC0, 0xC3, 0xED, 0xF5, 0xFF, 0x0D, 0x09, 0x1B, 0x0A]) for _ in range(n))
        else:  # valid UTF-8: control characters, combining marks, bidi controls, astral characters
            chars = []
            for _ in range(n):
                cp = self.rng.choice([self.rng.randrange(0x20), self.rng.randrange(0x80, 0x800), self.rng.randrange(0x300, 0x370),
                                      self.rng.randrange(0x2000, 0x2070), self.rng.randrange(0xE000, 0x10000), self.rng.randrange(0x10000, 0x110000)])
                chars.append(chr(cp) if not 0xD800 <= cp <= 0xDFFF else "\ufffd")
            chunk = "".join(chars).encode("utf-8")
        at = self.position(data)
        return data[:at] + chunk + data[at:], f"insert_random_bytes {chunk[:32]!r}{'...' if n > 32 else ''} ({n} bytes) at {at}"

    def delete_range(self, data):
        if not data:
            return data, "delete_range (empty file: unchanged)"
        start = self.rng.randrange(len(data))
        length = self.rng.choice([1, 2, 5, 20, 100, 1000, len(data)])
        return data[:start] + data[start + length:], f"delete_range {start}..{start + length}"

    def duplicate_lines(self, data):
        lines = self.lines(data)
        i = self.rng.randrange(len(lines))
        n = self.rng.choice([1, 1, 2, 5])
        times = self.rng.choice([1, 1, 2, 100])
        block = lines[i:i + n]
        lines[i:i] = block * times
        return b"\n".join(lines), f"duplicate_lines {i + 1}..{i + n} x{times}"

    def swap_lines(self, data):
        lines = self.lines(data)
        i, j = self.rng.randrange(len(lines)), self.rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
        return b"\n".join(lines), f"swap_lines {i + 1}<->{j + 1}"

    def truncate(self, data):
        at = self.rng.choice([0, 1, self.rng.randrange(len(data) + 1)])
        return data[:at], f"truncate at {at}"

    def insert_special(self, data):
        token = self.rng.choice(SPECIAL)
        at = self.position(data)
        return data[:at] + token + data[at:], f"insert_special {token!r} at {at}"

    def replace_value(self, data):
        """Replaces the rest of a line after ': ' or ',' with a special token."""
        token = self.rng.choice(SPECIAL + HUGE)
        lines = self.lines(data)
        i = self.rng.randrange(len(lines))
        line = lines[i]
        cut = line.find(b": ")
        cut = cut + 2 if cut >= 0 else line.rfind(b",") + 1
        lines[i] = line[:cut] + token
        return b"\n".join(lines), f"replace_value line {i + 1} -> {token!r}"

    def long_line(self, data):
        n = self.rng.choice([1_000, 10_000, 100_000, 300_000])
        unit = self.rng.choice([b"x", b"a ", b"\xc3\xa4", b"[", b",", b"- ", b"\"", b"\xf0\x9f\x90\x95", b"*a ", b"ab:", b"|", b"-|"])
        chunk = (unit * (n // len(unit) + 1))[:n]
        at = self.position(data)
        return data[:at] + chunk + data[at:], f"long_line {unit!r} x{n} bytes at {at}"

    def deep_nesting(self, data):
        n = self.rng.choice([33, 65, 100, 999, 1001, 5000, 50_000])
        unit = self.rng.choice(DEEP)
        if self.rng.random() < 0.3:  # nesting by indentation, one level per line
            marker = self.rng.choice([b"- x", b"> x", b"a:", b"* x", b"1. x"])
            n = min(n, 2000)
            chunk = b"\n".join(b"  " * k + marker for k in range(n)) + b"\n"
            desc = f"deep_nesting {marker!r} indented over {n} lines"
        else:
            close = {b"[": b"]", b"{a: ": b"}", b"(": b")", b"[x](": b")"}.get(unit, b"")
            chunk = unit * n + (b"x" + close * n if close and self.rng.random() < 0.5 else b"")
            desc = f"deep_nesting {unit!r} x{n}"
        at = self.position(data)
        return data[:at] + chunk + data[at:], f"{desc} at {at}"

    def markdown_table(self, data):
        """A GFM table of random shape: wide headers, many rows, rows shorter than the header."""
        columns = self.rng.choice([1, 3, 50, 500, 2000, 5000])
        rows = self.rng.choice([0, 1, 10, 500, 2000, 5000])
        cell = self.rng.choice([b"x", b"", b"**a**", b"[l](/)", b"a\\|b"])
        header = b"|" + b"|".join([b"h"] * columns) + b"|\n"
        delimiter = b"|" + b"|".join([self.rng.choice([b"-", b":-", b"-:", b":-:"])] * columns) + b"|\n"
        short = self.rng.random() < 0.5  # rows of one cell: the table fills in the missing ones
        if not short:  # full rows: keep the input below about 300 KB, so only disproportionate time is a hang
            rows = min(rows, 50_000 // columns)
        row = (cell + b"\n") if short else (b"|" + b"|".join([cell] * columns) + b"|\n")
        chunk = b"\n" + header + delimiter + row * rows
        at = self.position(data)
        return data[:at] + chunk + data[at:], f"markdown_table {columns} columns x {rows} {'one-cell ' if short else ''}rows of {cell!r} at {at}"

    def huge_number(self, data):
        number = self.rng.choice(HUGE)
        runs = [m.span() for m in re.finditer(rb"\d+", data)]
        if runs and self.rng.random() < 0.8:
            start, end = self.rng.choice(runs)
            if self.rng.random() < 0.5:  # or a different number of the same length: AGS, PLZ, dates
                number = bytes(self.rng.choice(b"0123456789") for _ in range(end - start))
            return data[:start] + number + data[end:], f"huge_number {data[start:end][:20]!r} at {start} -> {number[:30]!r}"
        at = self.position(data)
        return data[:at] + number + data[at:], f"huge_number insert {number[:30]!r} at {at}"

    def splice_other_file(self, data):
        """Inserts a chunk of another corpus file: CSV into YAML, front matter into CSV, ..."""
        name, other = self.rng.choice(sorted(self.tree_files.items()))
        start = self.rng.randrange(len(other))
        chunk = other[start:start + self.rng.choice([10, 100, 1000])]
        at = self.position(data)
        return data[:at] + chunk + data[at:], f"splice {len(chunk)} bytes of {name}@{start} at {at}"

    # XML (the FIM schema and code list in corpus/tree/forms/): what a form generator meets.
    XML_SPECIAL = [
        b'<!DOCTYPE a [<!ENTITY l "lol"><!ENTITY l2 "&l;&l;&l;&l;&l;&l;&l;&l;&l;&l;">]>',
        b'<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]>', b"&x;", b"&#0;", b"&#x110000;", b"<![CDATA[", b"]]>",
        b"<?xml version=\"1.0\"?>", b"<x:datenfeld>", b"</x:struktur>", b"<code>slider</code>", b"<code>colour</code>",
        b"<xdf3:anzahl>5:1</xdf3:anzahl>", b"<xdf3:anzahl>-1:*</xdf3:anzahl>", b"xmlns:xdf3=\"urn:xoev-de:fim:standard:xdatenfelder_2\"",
        b'pattern="(("', b'maxLength="99999999999999999999"',
    ]

    def xml_special(self, data):
        token = self.rng.choice(self.XML_SPECIAL)
        at = self.position(data)
        return data[:at] + token + data[at:], f"xml_special {token[:40]!r} at {at}"

    def xml_drop_element(self, data):
        """Removes one start or end tag: unbalanced, or an element that loses its children."""
        tags = [m.span() for m in re.finditer(rb"</?[A-Za-z][^<>]*>", data)]
        if not tags:
            return self.byte_flip(data)
        start, end = self.rng.choice(tags)
        return data[:start] + data[end:], f"xml_drop_element {data[start:end][:40]!r} at {start}"

    def xml_nest(self, data):
        """Repeats one element inside itself: deep groups, up to past the depth limits."""
        n = self.rng.choice([13, 65, 1000])
        open_tag, close_tag = b"<xdf3:enthaelt>", b"</xdf3:enthaelt>"
        at = self.position(data)
        return data[:at] + open_tag * n + close_tag * n + data[at:], f"xml_nest enthaelt x{n} at {at}"

    XML_MUTATIONS = ["xml_special", "xml_special", "xml_drop_element", "xml_nest", "byte_flip", "truncate", "delete_range",
                     "swap_lines", "huge_number", "insert_special"]

    MUTATIONS = ["byte_flip", "insert_random_bytes", "delete_range", "duplicate_lines", "swap_lines", "truncate",
                 "insert_special", "insert_special", "replace_value", "long_line", "deep_nesting", "markdown_table", "huge_number",
                 "splice_other_file"]

    def mutate(self, data: bytes, xml: bool = False) -> tuple[bytes, str]:
        name = self.rng.choice(self.XML_MUTATIONS if xml else self.MUTATIONS)
        return getattr(self, name)(data)


def read_tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def make_case(case_seed: int, corpus: dict[str, bytes]) -> tuple[dict[str, bytes], list[str]]:
    """The mutated files of one case (deterministic in `case_seed`) and the mutations applied."""
    rng = random.Random(case_seed)
    files = dict(corpus)
    mutator = Mutator(rng, corpus)
    applied = []
    for _ in range(rng.randint(1, 3)):
        name = rng.choice(sorted(files))
        files[name], description = mutator.mutate(files[name], xml=name.endswith(".xml"))
        applied.append(f"{name}: {description}")
    return files, applied


# --- checking a result -------------------------------------------------------------------------

def problems_with(result_code: int | None, stderr: str, case_dir: Path, content: str) -> list[str]:
    """Everything wrong with one run of `portal check`; empty when the run behaved."""
    if result_code is None:
        return [f"hang: no exit within {CASE_TIMEOUT} s"]
    problems = []
    if result_code < 0:
        problems.append(f"killed by signal {-result_code} (address space limited to {MEMORY_LIMIT >> 30} GiB)")
    elif result_code not in (0, 1):
        problems.append(f"exit status {result_code} (expected 0 or 1)")
    for marker in CRASH_MARKERS:
        if marker in stderr:
            problems.append(f"stderr contains {marker!r}")
    errors = summaries = 0
    for line in stderr.split("\n"):
        if not line.strip():
            continue
        if SUMMARY.match(line):
            summaries += 1
            continue
        if QUOTE.match(line) or CARET.match(line) or OMITTED.match(line):
            continue
        m = DIAGNOSTIC.match(line)
        if not m:
            problems.append(f"stderr line is neither a diagnostic nor the summary: {line[:300]!r}")
            continue
        path, lineno, column = m["path"], int(m["line"]), int(m["column"])
        if lineno < 1 or column < 1:
            problems.append(f"line/column not positive: {line[:300]!r}")
        if not (path == content or (case_dir / path).exists()):
            problems.append(f"diagnostic names a path that does not exist: {line[:300]!r}")
        if m["severity"] == "error":
            errors += 1
    if result_code == 1:
        if errors == 0:
            problems.append("exit 1 without any 'error:' diagnostic")
        if summaries != 1:
            problems.append(f"exit 1 with {summaries} summary lines (expected 1)")
    if result_code == 0 and (errors or summaries):
        problems.append("exit 0 but errors or a summary on stderr")
    return problems


def severity(problems: list[str]) -> int:
    """0 hang, 1 crash (signal or crash text), 2 wrong exit status, 3 message format."""
    ranks = [0 if p.startswith("hang") else 1 if p.startswith(("killed", "stderr contains")) else 2 if p.startswith("exit") else 3
             for p in problems]
    return min(ranks, default=3)


def message_kind(line: str) -> str:
    """A diagnostic's message with the quoted, numeric and file-specific parts removed, for statistics."""
    m = DIAGNOSTIC.match(line)
    if not m:
        return ""
    text = re.sub(r"„[^“]*“", "„…“", m["message"])
    text = re.sub(r"\(.*", "", text)
    text = re.sub(r"\d+", "N", text)
    return f"{m['severity']}: {text.strip()[:90]}"


def line_count(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n") + 1
    except OSError:
        return 0


def limit_memory() -> None:
    """Caps a case's address space, so a run-away allocation fails instead of swamping the machine."""
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_case(case_seed: int, corpus: dict[str, bytes], work: Path, binary: Path) -> dict:
    files, applied = make_case(case_seed, corpus)
    case_dir = work / f"case-{case_seed}"
    tree = case_dir / "tree"
    for name, data in files.items():
        (tree / name).parent.mkdir(parents=True, exist_ok=True)
        (tree / name).write_bytes(data)
    started = time.monotonic()
    try:
        proc = subprocess.run([str(binary), "check", "--content", "tree"], cwd=case_dir, capture_output=True,
                              timeout=CASE_TIMEOUT, preexec_fn=limit_memory)
        code, stderr = proc.returncode, proc.stderr.decode("utf-8", errors="replace")
    except subprocess.TimeoutExpired as e:
        code, stderr = None, (e.stderr or b"").decode("utf-8", errors="replace")
    seconds = time.monotonic() - started
    problems = problems_with(code, stderr, case_dir, "tree")
    # Not failures, only reported: a diagnostic pointing past the end of its file (counting "\n"), and
    # control characters (ESC, CR, DEL, ...) copied from the content into a message, where they can
    # move the cursor or colour the terminal.
    beyond, control = [], []
    for line in stderr.split("\n"):
        m = DIAGNOSTIC.match(line)
        if m and (case_dir / m["path"]).is_file() and int(m["line"]) > line_count(case_dir / m["path"]) + 1:
            beyond.append(line[:200])
        if m and CONTROL.search(line):
            control.append(repr(line[:200]))
    return {"seed": case_seed, "code": code, "stderr": stderr, "mutations": applied, "problems": problems,
            "seconds": seconds, "dir": case_dir, "kinds": {message_kind(l) for l in stderr.split("\n") if DIAGNOSTIC.match(l)},
            "beyond": beyond, "control": control}


def save_failure(case: dict, binary: Path) -> Path:
    FAILURES.mkdir(parents=True, exist_ok=True)
    n = 1
    while (FAILURES / str(n)).exists():
        n += 1
    target = FAILURES / str(n)
    shutil.copytree(case["dir"], target)
    (target / "mutations.txt").write_text("\n".join(case["mutations"]) + "\n", encoding="utf-8")
    (target / "stderr.txt").write_text(case["stderr"], encoding="utf-8")
    (target / "problems.txt").write_text("\n".join(case["problems"]) + "\n", encoding="utf-8")
    (target / "reproduce.sh").write_text(
        f"#!/bin/sh\n# case seed {case['seed']}; or: FUZZ_CASE={case['seed']} python3 -m pytest -q Tests/robustness/test_fuzz.py\n"
        f"cd \"$(dirname \"$0\")\" && timeout {CASE_TIMEOUT} {binary} check --content tree; echo \"exit $?\"\n", encoding="utf-8")
    return target


# --- the test ----------------------------------------------------------------------------------

def test_check_never_crashes_on_mutated_content(capsys):
    binary = portal_bin()
    if not binary.exists():
        pytest.skip(f"portal binary not found: {binary} (build it, or set PORTAL_BIN)")
    corpus = read_tree(CORPUS)
    base = subprocess.run([str(binary), "check", "--content", str(CORPUS)], capture_output=True, text=True, timeout=CASE_TIMEOUT)
    assert base.returncode == 0, f"the seed corpus itself does not pass `portal check`:\n{base.stderr}"

    budget = float(os.environ.get("FUZZ_SECONDS", "60"))
    master_seed = int(os.environ.get("FUZZ_SEED", "20261127"))
    replay = os.environ.get("FUZZ_CASE")
    master = random.Random(master_seed)
    work = Path(tempfile.mkdtemp(prefix="portal-fuzz-", dir="/dev/shm" if os.access("/dev/shm", os.W_OK) else None))
    codes: Counter = Counter()
    kinds: Counter = Counter()
    failures: list[tuple[dict, Path]] = []
    beyond: list[tuple[int, str]] = []
    control: list[tuple[int, str]] = []
    slow: list[dict] = []
    cases = 0
    started = time.monotonic()
    try:
        while True:
            if replay is not None:
                if cases == 1:
                    break
                case_seed = int(replay)
            else:
                if time.monotonic() - started >= budget:
                    break
                case_seed = master.getrandbits(48)
            case = run_case(case_seed, corpus, work, binary)
            cases += 1
            codes[case["code"]] += 1
            kinds.update(case["kinds"])
            beyond += [(case_seed, line) for line in case["beyond"]]
            control += [(case_seed, line) for line in case["control"][:1]]
            if case["seconds"] > SLOW and case["code"] is not None:
                slow.append(case)
            if case["problems"]:
                failures.append((case, save_failure(case, binary)))
            shutil.rmtree(case["dir"], ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    elapsed = time.monotonic() - started

    with capsys.disabled():
        print(f"\nfuzz: seed {master_seed}, {cases} cases in {elapsed:.1f} s: exit 0: {codes[0]}, exit 1: {codes[1]}, "
              f"other: {sum(v for k, v in codes.items() if k not in (0, 1))}, failures: {len(failures)}")
        print("fuzz: most frequent diagnostics:")
        for kind, count in kinds.most_common(12):
            print(f"  {count:5d}  {kind}")
        if slow:
            print(f"fuzz: {len(slow)} cases took more than {SLOW:.0f} s but finished (reported, not failed):")
            for case in sorted(slow, key=lambda c: -c["seconds"])[:5]:
                print(f"  {case['seconds']:5.1f} s  case {case['seed']}: " + "; ".join(case["mutations"]))
        if control:
            print(f"fuzz: in {len(control)} cases a message carries control characters from the content (reported, not failed), e.g.:")
            for seed, line in control[:3]:
                print(f"  case {seed}: {line}")
        if beyond:
            print(f"fuzz: {len(beyond)} diagnostics point past the end of their file (reported, not failed), e.g.:")
            for seed, line in beyond[:3]:
                print(f"  case {seed}: {line}")

    if failures:
        failures.sort(key=lambda f: severity(f[0]["problems"]))
        kinds_of = Counter(["hang", "crash", "exit status", "message format"][severity(case["problems"])] for case, _ in failures)
        report = [", ".join(f"{count} {kind}" for kind, count in kinds_of.most_common())]
        for case, saved in failures[:10]:
            report.append(f"case seed {case['seed']} -> saved in {saved}\n  exit: {case['code']}\n"
                          f"  mutations:\n    " + "\n    ".join(case["mutations"]) +
                          "\n  problems:\n    " + "\n    ".join(case["problems"][:5]) +
                          "\n  stderr (end):\n    " + "\n    ".join(case["stderr"][-1500:].split("\n")))
        more = f"\n... and {len(failures) - 10} more" if len(failures) > 10 else ""
        pytest.fail(f"{len(failures)} of {cases} fuzz cases misbehaved (seed {master_seed}):\n\n" + "\n\n".join(report) + more,
                    pytrace=False)


@pytest.mark.parametrize("variant", ["crlf", "bom", "bom+crlf"])
def test_seed_corpus_is_accepted_with_windows_line_endings_and_bom(variant):
    """Not random, but found while fuzzing: files saved on Windows (CRLF, a UTF-8 byte order mark)
    mean the same content and must be accepted like the originals."""
    binary = portal_bin()
    if not binary.exists():
        pytest.skip(f"portal binary not found: {binary} (build it, or set PORTAL_BIN)")
    work = Path(tempfile.mkdtemp(prefix="portal-crlf-", dir="/dev/shm" if os.access("/dev/shm", os.W_OK) else None))
    try:
        for name, data in read_tree(CORPUS).items():
            if "crlf" in variant:
                data = data.replace(b"\n", b"\r\n")
            if "bom" in variant:
                data = b"\xef\xbb\xbf" + data
            (work / "tree" / name).parent.mkdir(parents=True, exist_ok=True)
            (work / "tree" / name).write_bytes(data)
        result = subprocess.run([str(binary), "check", "--content", "tree"], cwd=work, capture_output=True, text=True,
                                timeout=CASE_TIMEOUT)
        assert result.returncode == 0, f"the seed corpus with {variant} is rejected:\n{result.stderr}"
    finally:
        shutil.rmtree(work, ignore_errors=True)
