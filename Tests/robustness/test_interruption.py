"""Interrupted, crashed, disk-full and concurrent builds, for real, at the process level.

`portal build` writes the site into a staging folder `.<Output>.building-<pid>` beside the output
and swaps it in only when it is complete; staging folders of dead processes are removed when the
next build starts. These tests interrupt real builds of the sample `Content/` (a release build takes
5-10 s) and check that the previous output survives byte for byte and the next build recovers.

Environment: PORTAL_BIN (relative to the repo root; default .build/release/portal if it exists,
else .build/debug/portal). Scratch data goes to /dev/shm when it exists, else the system temp dir.
The whole file runs in about a minute with the release binary.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from conftest import CRASH_MARKERS, REPO, portal_bin

BUILD_TIMEOUT = 120  # seconds; a normal release build of the sample takes 5-10 s


def scratch_dir(prefix: str) -> Path:
    base = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
    return Path(tempfile.mkdtemp(prefix=prefix, dir=base))


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file and folder below `folder`: relative path -> sha256 (or "<dir>", "<link>target")."""
    result: dict[str, str] = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            rel = str(path.relative_to(folder))
            if path.is_symlink():
                result[rel] = "<link>" + os.readlink(path)
            elif path.is_dir():
                result[rel] = "<dir>"
            else:
                result[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return result


def leftovers(parent: Path, name: str = "Output") -> list[str]:
    """Staging and swap folders of builds (`.Output.building-<pid>`, `.Output.old-<pid>`) in `parent`."""
    return sorted(p.name for p in parent.iterdir() if p.name.startswith((f".{name}.building-", f".{name}.old-")))


def assert_no_crash_text(text: str, what: str) -> None:
    for marker in CRASH_MARKERS:
        assert marker not in text, f"{what} contains {marker!r}:\n{text[-3000:]}"


def make_previous_output(folder: Path) -> dict[str, str]:
    """A small previous site with known content, including a `.gitkeep` (kept across builds)."""
    (folder / "leistungen/alt").mkdir(parents=True)
    (folder / "index.html").write_text("<!doctype html><title>vorherige Fassung</title>\n", encoding="utf-8")
    (folder / "leistungen/alt/index.html").write_text("<p>alte Leistung</p>\n", encoding="utf-8")
    (folder / "daten.bin").write_bytes(bytes(range(256)) * 16)
    (folder / ".gitkeep").write_bytes(b"")
    return fingerprint(folder)


def run_build(root: Path, output: str = "Output", timeout: float = BUILD_TIMEOUT) -> subprocess.CompletedProcess:
    return subprocess.run([str(portal_bin()), "build", "--content", "Content", "--output", output],
                          cwd=root, capture_output=True, text=True, timeout=timeout)


def assert_complete_build(root: Path, result: subprocess.CompletedProcess, output: str = "Output") -> dict[str, str]:
    """A build succeeded and its output is complete; returns the output's fingerprint."""
    assert result.returncode == 0, f"build failed ({result.returncode}):\n{result.stderr[-3000:]}"
    assert_no_crash_text(result.stderr, "stderr")
    match = re.search(r"(\d+) Seiten", result.stdout)
    assert match, f"no page count in stdout:\n{result.stdout}"
    pages = int(match.group(1))
    out = root / output
    for name in ("index.html", "404.html", "sitemap.xml", "robots.txt", "suche/index.html", "leistungen/index.html"):
        assert (out / name).is_file(), f"{output}/{name} is missing after a successful build"
    html = sum(1 for _ in out.rglob("*.html"))
    assert html == pages, f"{output} has {html} HTML files, the build printed {pages} pages"
    assert not leftovers(root, output), f"left behind after a successful build: {leftovers(root, output)}"
    return fingerprint(out)


@pytest.fixture(scope="module")
def site():
    """A scratch folder with a copy of the sample Content/ and a small previous Output/."""
    binary = portal_bin()
    if not binary.exists():
        pytest.skip(f"portal binary not found: {binary} (build it, or set PORTAL_BIN)")
    root = scratch_dir("portal-interrupt-")
    shutil.copytree(REPO / "Content", root / "Content")
    make_previous_output(root / "Output")
    state = {"root": root, "reference": None}
    yield state
    shutil.rmtree(root, ignore_errors=True)


def wait_for_staging(proc: subprocess.Popen, parent: Path, name: str = "Output", timeout: float = 60) -> Path:
    """Polls until the process's staging folder `.Output.building-<pid>` appears."""
    staging = parent / f".{name}.building-{proc.pid}"
    deadline = time.monotonic() + timeout
    while not staging.exists():
        if proc.poll() is not None:
            pytest.fail(f"the build ended ({proc.returncode}) before its staging folder {staging.name} appeared")
        if time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"no staging folder {staging.name} after {timeout} s")
        time.sleep(0.01)
    return staging


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL], ids=["SIGINT", "SIGTERM", "SIGKILL"])
def test_interrupted_build_keeps_previous_output_and_next_build_recovers(site, sig):
    root = site["root"]
    before = fingerprint(root / "Output")
    had_gitkeep = ".gitkeep" in before

    with open(root / "stdout.txt", "wb") as out, open(root / "stderr.txt", "wb") as err:
        # --clean: render every page, so one second in the build is writing pages. A build that
        # reuses the previous site's pages can finish within that second.
        # SIGINT back to its default in the child: a shell that starts the tests as a background
        # job ignores it for them, and the build would inherit that and never be interrupted.
        proc = subprocess.Popen([str(portal_bin()), "build", "--clean", "--content", "Content", "--output", "Output"],
                                cwd=root, stdout=out, stderr=err, start_new_session=True,
                                preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        try:
            staging = wait_for_staging(proc, root)
            # Well into writing pages, however fast this machine is: a fixed delay after the
            # staging folder appeared sometimes outlasted the whole build.
            while proc.poll() is None and sum(1 for _ in staging.rglob("*")) < 300:
                time.sleep(0.005)
            assert proc.poll() is None, "the build finished before it could be interrupted"
            written = sum(1 for _ in staging.rglob("*"))
            assert written > 0, "nothing written into the staging folder yet"
            proc.send_signal(sig)
            proc.wait(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    stderr = (root / "stderr.txt").read_text(encoding="utf-8", errors="replace")

    # Killed by the signal (-sig), or a handler that exits non-zero after cleaning up.
    assert proc.returncode != 0, f"build interrupted by {sig.name} exited 0"
    if sig == signal.SIGKILL:
        assert proc.returncode == -signal.SIGKILL
    assert_no_crash_text(stderr, "stderr of the interrupted build")
    assert fingerprint(root / "Output") == before, f"the previous Output changed after {sig.name}"
    left = leftovers(root)
    print(f"{sig.name}: exit {proc.returncode}, {written} entries in staging when interrupted, left behind: {left}")

    # The next normal build succeeds, removes the dead build's staging folder and completes the site.
    result = run_build(root)
    after = assert_complete_build(root, result)
    if had_gitkeep:
        assert ".gitkeep" in after, "the .gitkeep of the previous Output was not kept"
    after.pop(".gitkeep", None)
    if site["reference"] is None:
        site["reference"] = after
    else:
        assert after == site["reference"], "two builds of the same content differ"


@pytest.mark.parametrize("size", ["20m", "64k"], ids=["full-while-writing-pages", "full-while-writing-assets"])
def test_full_disk_fails_cleanly_and_keeps_previous_output(site, size):
    """The sample site (~85 MB) does not fit: 20 MB fills up among the pages, 64 KB among the assets."""
    root = site["root"]
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    disk = root / "disk"
    disk.mkdir(exist_ok=True)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(disk)], capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"mount -t tmpfs is not permitted here: {mounted.stderr.strip()}")
    try:
        before = make_previous_output(disk / "Output")
        result = run_build(root, output="disk/Output")
        print(f"full disk ({size}): exit {result.returncode}, stderr: {result.stderr.strip()}")
        assert result.returncode > 0, f"a build into a full disk exited {result.returncode}"
        assert_no_crash_text(result.stderr, "stderr")
        assert fingerprint(disk / "Output") == before, "the previous Output changed after a failed build"
        left = leftovers(disk)
        if left:
            # Not removed by the failed build itself: the next build start must remove it.
            print(f"full disk: staging left behind by the failed build: {left}; the next run should remove it")
            again = run_build(root, output="disk/Output")
            assert again.returncode > 0
            assert leftovers(disk) == [], f"staging folders not removed by the next build: {leftovers(disk)}"
            assert fingerprint(disk / "Output") == before
        else:
            print("full disk: the failed build removed its own staging folder")
        # The message: names the output, and is written for people, not a raw Foundation error dump.
        assert "error:" in result.stderr, f"no error message on stderr:\n{result.stderr}"
        assert "disk/Output" in result.stderr, f"the message does not name the output folder:\n{result.stderr}"
        for raw in ("Error Domain=", "NSCocoaErrorDomain", "UserInfo=", "NSUnderlyingError"):
            assert raw not in result.stderr, f"the message is a raw error dump ({raw}):\n{result.stderr}"
    finally:
        subprocess.run(["umount", str(disk)], capture_output=True)
        if os.path.ismount(disk):
            subprocess.run(["umount", "-l", str(disk)], capture_output=True)


def test_two_builds_at_once_keep_each_others_staging_folders(site):
    """The pid check: a build starting up removes only staging folders of dead processes.

    Both builds run their start-up cleanup while the other one may already be writing; if one
    removed the other's staging folder, that build would fail or publish an incomplete site, which
    the comparison with a complete build catches.
    """
    root = site["root"]
    # --clean: both must build a staging folder (a build that finds nothing changed has none).
    cmd = [str(portal_bin()), "build", "--clean", "--content", "Content", "--output", "Output"]
    logs = [(open(root / f"c{i}.out", "wb"), open(root / f"c{i}.err", "wb")) for i in range(2)]
    procs = [subprocess.Popen(cmd, cwd=root, stdout=o, stderr=e, start_new_session=True) for o, e in logs]
    both_seen = False
    try:
        deadline = time.monotonic() + BUILD_TIMEOUT
        while any(p.poll() is None for p in procs):
            names = {p.name for p in root.iterdir()}
            if all(f".Output.building-{p.pid}" in names for p in procs):
                both_seen = True
            assert time.monotonic() < deadline, "concurrent builds did not finish in time"
            time.sleep(0.02)
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
            p.wait()
        for o, e in logs:
            o.close()
            e.close()
    codes = [p.returncode for p in procs]
    errs = [(root / f"c{i}.err").read_text(encoding="utf-8", errors="replace") for i in range(2)]
    outs = [(root / f"c{i}.out").read_text(encoding="utf-8", errors="replace") for i in range(2)]
    print(f"concurrent builds: exit {codes}, both staging folders seen at once: {both_seen}")
    assert both_seen, "the two builds never had their staging folders at the same time; the test did not test the pid check"
    for code, err in zip(codes, errs):
        assert code in (0, 1), f"a concurrent build exited {code}:\n{err[-3000:]}"
        assert_no_crash_text(err, "stderr of a concurrent build")
        if code == 1:
            assert "error:" in err, f"a concurrent build failed without a message:\n{err}"
    assert 0 in codes, f"neither concurrent build succeeded: {codes}\n{errs}"
    ok = codes.index(0)
    result = subprocess.CompletedProcess(cmd, 0, outs[ok], errs[ok])
    after = assert_complete_build(root, result)
    after.pop(".gitkeep", None)
    if site["reference"] is not None:
        assert after == site["reference"], "the Output after two concurrent builds differs from a normal build"


def assert_each_file_old_or_new(killed: dict, previous: dict, new: dict, k: int) -> None:
    """What a kill may leave when it lands within a body edit's replacement of its few files
    (`BuildScope.bodies`, published in place: written under hidden temporary names, then renamed over the old ones one
    right after the other): every file whole, either its previous or its new version, and no
    file of both sites missing."""
    # The temporary files (`.<name>.portal-<pid>`, OutputFolder) are not part of either site; other
    # hidden files (.gitkeep, .well-known/) are.
    visible = {path: digest for path, digest in killed.items() if not re.fullmatch(r"\..+\.portal-\d+", Path(path).name)}
    for path in set(previous) & set(new):
        assert path in visible, f"kill at {k}/8: {path} is missing"
    for path, digest in visible.items():
        assert digest in (previous.get(path), new.get(path)), f"kill at {k}/8: {path} is neither its previous nor its new version"


def test_kill_at_any_moment_of_an_incremental_build_leaves_a_whole_site(site):
    """Incremental builds are fast, so a kill can land on the swap itself. At seven moments
    spread over such a build, SIGKILL must leave either the whole previous site or the whole new
    one, or, within the renames of a body edit, each file whole (old or new, none missing); and
    the next build must produce the new site."""
    root = site["root"]
    run_build(root)  # a manifest for the current content
    service = root / "Content/services/wohngeld-beantragen.md"
    original = service.read_text(encoding="utf-8")
    cmd = [str(portal_bin()), "build", "--content", "Content", "--output", "Output"]
    try:
        duration, mixed = 0.0, 0
        for k in range(8):
            previous = fingerprint(root / "Output")
            service.write_text(original + f"\nErgänzung {k}.\n", encoding="utf-8")
            started = time.monotonic()
            proc = subprocess.Popen(cmd, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
            if k == 0:
                proc.wait(timeout=BUILD_TIMEOUT)  # how long such a build takes
                duration = time.monotonic() - started
                continue
            time.sleep(duration * k / 8)
            proc.kill()
            proc.wait()
            killed = fingerprint(root / "Output")
            assert killed, f"Output missing after a kill at {k}/8 of the build"
            result = run_build(root)
            assert result.returncode == 0, result.stderr[-3000:]
            rebuilt = fingerprint(root / "Output")
            if killed not in (previous, rebuilt):
                assert_each_file_old_or_new(killed, previous, rebuilt, k)
                mixed += 1
            assert not leftovers(root), f"left behind after the next build: {leftovers(root)}"
        print(f"incremental build: {duration:.2f} s; killed at 1/8 … 7/8 of it; {mixed} kills landed within the renames")
    finally:
        service.write_text(original, encoding="utf-8")
    result = run_build(root)
    after = assert_complete_build(root, result)
    after.pop(".gitkeep", None)
    if site["reference"] is not None:
        assert after == site["reference"], "after the kills the Output differs from a normal build"
