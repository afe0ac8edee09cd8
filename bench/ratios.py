#!/usr/bin/env python3
"""Every speed and memory ratio of issue 17 in one run (a benchmark, not a test).

Whole processes, as a user runs them, pinned to one core (``taskset -c 0``,
``RAYON_NUM_THREADS=1``) unless a figure is about two cores; the tools alternate run
by run and each figure is the median of ROUNDS runs (default 15):

* ``unpara text`` and ``unpara extract`` / ``pdftotext`` on every PDF of 5 pages or
  more of the shared corpus (``un-en/``, ``wild-pdf/``) and of ``fixtures/``;
* ``unpara align`` of the fixture pair / ``pdftotext`` of both files;
* ``unpara batch`` on COPIES copies (default 25) of those files, each made distinct by
  a comment after ``%%EOF``: wall time of ``--jobs 1`` on one core / ``--jobs 2`` on
  two (the two-core speed-up), medians of BATCH_ROUNDS (default 7) alternating
  runs; and the peak RSS of ``--jobs 2`` on 10 and 40 copies of the UDHR's six XML
  versions (one group each): the slope, MB per extra document;
* ``unpara extract`` of a generated 100 MB UN Parallel Corpus XML: peak RSS / file size;
* the alignment stage alone (``crates/align/examples/time_align``): ms per 1 000
  sentence pairs.

Needs poppler-utils (pdftotext, pdfinfo), GNU time (/usr/bin/time), taskset.
Env: ROUNDS, BATCH_ROUNDS, COPIES, CORPUS (default ../shared/corpus), UNPC_MB (default 100), UNPARA_BIN
(default target/release/unpara: another build to compare).
"""

import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
BIN = pathlib.Path(os.environ.get("UNPARA_BIN", ROOT / "target" / "release" / "unpara"))
ROUNDS = int(os.environ.get("ROUNDS", "15"))
COPIES = int(os.environ.get("COPIES", "25"))
CORPUS = pathlib.Path(os.environ.get("CORPUS", ROOT.parent / "shared" / "corpus"))
UNPC_MB = int(os.environ.get("UNPC_MB", "100"))
MIN_PAGES = 5
# Rounds of the batch runs (each ~3 s): with 3, the two-core speed-up of one build
# varied from 1.66 to 1.91 between two runs on the development machine (2026-12-07).
BATCH_ROUNDS = int(os.environ.get("BATCH_ROUNDS", "7"))
PASSWORDS = {"pdfminer-aes-128.pdf": "baz", "pdfminer-rc4-40.pdf": "baz"}
ONE_CORE = ["taskset", "-c", "0"]


def run(cmd, env=None):
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=env)


def wall(cmd, env=None):
    t = time.perf_counter()
    run(cmd, env)
    return time.perf_counter() - t


def peak_kib(cmd, env=None):
    with tempfile.NamedTemporaryFile("r") as out:
        run(["/usr/bin/time", "-f", "%M", "-o", out.name, *cmd], env)
        return int(out.read().split()[-1])


def pages(pdf):
    pw = PASSWORDS.get(pdf.name)
    info = subprocess.run(
        ["pdfinfo", *(["-upw", pw] if pw else []), str(pdf)], capture_output=True, text=True
    ).stdout
    return next((int(line.split()[1]) for line in info.splitlines() if line.startswith("Pages:")), 0)


def alternate(commands, env):
    """Median wall seconds of each command, run in turn ROUNDS times."""
    times = {name: [] for name in commands}
    for name, cmd in commands.items():
        run(cmd, env)  # warm the page cache
    for _ in range(ROUNDS):
        for name, cmd in commands.items():
            times[name].append(wall(cmd, env))
    return {name: statistics.median(t) for name, t in times.items()}


def main():
    for tool in ("pdftotext", "pdfinfo", "taskset"):
        if not shutil.which(tool):
            sys.exit(f"error: {tool} missing (apt-get install poppler-utils util-linux)")
    if not BIN.exists():
        subprocess.run(["cargo", "build", "--release", "-p", "unpara"], cwd=ROOT, check=True)
    env = dict(os.environ, RAYON_NUM_THREADS="1")
    pdfs = sorted(
        p
        for d in (CORPUS / "un-en", CORPUS / "wild-pdf", ROOT / "fixtures" / "CAC_COSP_WG.4_2017_4")
        for p in d.glob("*.pdf")
        if pages(p) >= MIN_PAGES
    )
    print(f"one core, medians of {ROUNDS} alternating runs, {time.strftime('%Y-%m-%d')}")
    print(f"{'file':<28}{'pages':>6}{'pdftotext ms':>14}{'text':>8}{'extract':>9}")
    worst = {"text": 0.0, "extract": 0.0}
    for pdf in pdfs:
        pw = PASSWORDS.get(pdf.name)
        commands = {
            "pdftotext": ONE_CORE + ["pdftotext", *(["-upw", pw] if pw else []), str(pdf), "-"],
            "text": ONE_CORE + [str(BIN), "text", str(pdf), *(["--password", pw] if pw else [])],
            "extract": ONE_CORE + [str(BIN), "extract", str(pdf), *(["--password", pw] if pw else [])],
        }
        m = alternate(commands, env)
        ratios = {k: m[k] / m["pdftotext"] for k in ("text", "extract")}
        for k in worst:
            worst[k] = max(worst[k], ratios[k])
        print(f"{pdf.name:<28}{pages(pdf):>6}{m['pdftotext'] * 1000:>14.1f}{ratios['text']:>8.2f}{ratios['extract']:>9.2f}")
    print(f"{'worst':<48}{worst['text']:>8.2f}{worst['extract']:>9.2f}   (targets 0.40, 0.50)")

    zh = ROOT / "fixtures" / "CAC_COSP_WG.4_2017_4" / "zh.pdf"
    en = zh.with_name("en.pdf")
    with tempfile.TemporaryDirectory() as tmp:
        both = pathlib.Path(tmp) / "both.sh"
        both.write_text(f'pdftotext "{zh}" - && pdftotext "{en}" -\n')
        m = alternate(
            {
                "pdftotext": ONE_CORE + ["sh", str(both)],
                "align": ONE_CORE + [str(BIN), "align", str(zh), str(en)],
            },
            env,
        )
    print(f"align of the fixture pair / pdftotext of both: {m['align'] / m['pdftotext']:.2f}   (target 0.50)")

    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)

        def copies_of(sources, copies, name, comment):
            """`copies` folders of the sources, each file made distinct by `comment`
            (at its end), so that no copy is a duplicate of another or found in batch's
            document cache."""
            d = tmp / f"{name}{copies}"
            for i in range(copies):
                c = d / f"copy{i}"
                c.mkdir(parents=True)
                for f in sources:
                    (c / f.name).write_bytes(f.read_bytes() + comment.format(i).encode())
            return d

        big = copies_of(pdfs, COPIES, "in", "\n%copy {}\n")
        docs = len(pdfs) * COPIES
        one, two = [], []
        for r in range(BATCH_ROUNDS):
            for jobs, acc in ((1, one), (2, two)):
                out = tmp / f"out-{jobs}-{r}"
                t = time.perf_counter()
                # One core (pinned, so the workers' page threads share it) against two.
                pin = ONE_CORE if jobs == 1 else []
                subprocess.run(pin + [str(BIN), "batch", str(big), "-o", str(out), "--jobs", str(jobs)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                acc.append(time.perf_counter() - t)
                shutil.rmtree(out)
        speedup = statistics.median(one) / statistics.median(two)
        print(f"batch of {docs} documents: --jobs 1 {statistics.median(one):.2f} s, --jobs 2 "
              f"{statistics.median(two):.2f} s, speed-up {speedup:.2f}   (target 1.90)")
        # Memory: groups of their own (the UDHR's six XML versions carry no symbol, so
        # each copy's folder is one group), 10 and 4 x 10 copies.
        udhr = sorted((CORPUS / "udhr-xml").glob("*.xml"))

        rss = {}
        for copies in (10, 40):
            out = tmp / f"rss-{copies}"
            with tempfile.NamedTemporaryFile("r") as t:
                subprocess.run(["/usr/bin/time", "-f", "%M", "-o", t.name, str(BIN), "batch", str(copies_of(udhr, copies, "sets", "<!-- copy {} -->\n")),
                                "-o", str(out), "--jobs", "2"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                rss[copies] = int(t.read().split()[-1])
            shutil.rmtree(out)
        slope = (rss[40] - rss[10]) / 1024 / (len(udhr) * 30)
        print(f"batch peak RSS: {rss[10] / 1024:.1f} MiB for {len(udhr) * 10} documents ({10} sets), "
              f"{rss[40] / 1024:.1f} MiB for {len(udhr) * 40} ({40} sets): {slope:.3f} MB per extra document"
              "   (target flat)")

        subprocess.run(["cargo", "build", "--release", "-q", "-p", "unpara-xml", "--example", "unpc_gen"],
                       cwd=ROOT, check=True)
        xml = tmp / "unpc.xml"
        run([str(ROOT / "target" / "release" / "examples" / "unpc_gen"), str(xml), str(UNPC_MB), "en"])
        kib = peak_kib([str(BIN), "extract", str(xml), "-o", str(tmp / "unpc.json")])
        size = xml.stat().st_size
        print(f"extract of {size / 1e6:.0f} MB UNPC XML: peak {kib / 1024:.0f} MiB, "
              f"{kib * 1024 / size:.2f} x the file   (target 1.50)")

    subprocess.run(["cargo", "build", "--release", "-q", "-p", "unpara-align", "--example", "time_align"],
                   cwd=ROOT, check=True)
    out = subprocess.run(
        ONE_CORE + [str(ROOT / "target" / "release" / "examples" / "time_align"), str(zh), str(en)],
        capture_output=True, text=True, check=True,
    ).stdout.strip()
    print(f"alignment stage: {out}   (target 40 ms per 1 000 sentence pairs)")


if __name__ == "__main__":
    main()
