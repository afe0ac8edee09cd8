"""The Dask pipeline in the engine's local mode (a LocalCluster of worker processes)
on a folder of copies of the corpus: the same groups, outputs and run report as
`unpara batch` on the same folder; Parquet that datasets loads as a translation
dataset; bad files as error rows."""

import json
import pathlib
import shutil

import pytest

pytest.importorskip("dask.bag", reason="the engine tests need unpara[dask]: pip install '.[dask]'")
pytest.importorskip("distributed", reason="the engine tests need unpara[dask]")
pytest.importorskip("pyarrow", reason="the engine tests need unpara[dask]")

import unpara  # noqa: E402
from unpara import dask_pipeline  # noqa: E402
from conftest import FIXTURE, cli, corpus  # noqa: E402

ZH_TITLE = "联合国反腐败公约缔约国会议"
EN_TITLE = "Conference of the States Parties to the United Nations Convention against Corruption"


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """cac/: the fixture pair and a copy of en.pdf (a duplicate); udhr/: three
    versions without a symbol (one set); reports/: five English UN documents, a
    damaged PDF and a symbolic link to nothing; plus a hidden file and a text file
    that are not inputs."""
    root = tmp_path_factory.mktemp("dask-in")
    (root / "cac").mkdir()
    shutil.copy(FIXTURE / "zh.pdf", root / "cac" / "zh.pdf")
    shutil.copy(FIXTURE / "en.pdf", root / "cac" / "en.pdf")
    shutil.copy(FIXTURE / "en.pdf", root / "cac" / "en-copy.pdf")
    (root / "udhr").mkdir()
    for lang in ("zh", "en", "fr"):
        shutil.copy(corpus(f"udhr-xml/{lang}.xml"), root / "udhr" / f"{lang}.xml")
    (root / "reports").mkdir()
    for name in ("A_80_590", "A_RES_73_3", "A_RES_73_6", "A_RES_73_8", "S_2013_220"):
        shutil.copy(corpus(f"un-en/{name}.pdf"), root / "reports" / f"{name}.pdf")
    (root / "reports" / "broken.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8)
    (root / "reports" / ".hidden.pdf").write_bytes(FIXTURE.joinpath("en.pdf").read_bytes())
    (root / "reports" / "notes.txt").write_text("not an input")
    # A symbolic link to nothing: an error row of its own, the rest converted.
    (root / "reports" / "gone.pdf").symlink_to(root / "nowhere.pdf")
    return root


@pytest.fixture(scope="module")
def outputs(folder, tmp_path_factory):
    out = tmp_path_factory.mktemp("dask-out")
    report = dask_pipeline.run([str(folder)], str(out), workers=2)
    return out, report


def test_the_run_report_has_every_file_and_group(folder, outputs):
    out, report = outputs
    assert report == json.loads((out / "run-report.json").read_text())
    t = report["totals"]
    assert (t["files"], t["errors"], t["groups"], t["aligned"], t["extracted"]) == (13, 2, 7, 2, 5)
    assert t["group_errors"] == 0
    assert report["jobs"] == 2
    by_path = {f["path"]: f for f in report["files"]}
    gone = by_path[str(folder / "reports" / "gone.pdf")]
    assert gone["status"] == "error"
    assert gone["message"].startswith(f"{folder / 'reports' / 'gone.pdf'}: cannot read: ")
    broken = by_path[str(folder / "reports" / "broken.pdf")]
    assert broken["status"] == "error"
    assert broken["message"].startswith(f"{folder / 'reports' / 'broken.pdf'}: ")
    # en-copy.pdf sorts before en.pdf ('-' < '.'), so it is the version converted and
    # en.pdf, the same bytes, the duplicate.
    assert by_path[str(folder / "cac" / "en-copy.pdf")]["status"] == "warning"
    duplicate = by_path[str(folder / "cac" / "en.pdf")]
    assert duplicate["status"] == "duplicate"
    assert duplicate["message"] == (
        f"the same bytes (SHA-256) as {folder / 'cac' / 'zh.pdf'} or {folder / 'cac' / 'en-copy.pdf'}, "
        "which was converted"
    )
    groups = {g["group"]: g for g in report["groups"]}
    assert groups["CAC/COSP/WG.4/2017/4"]["status"] == "aligned"
    assert groups["CAC/COSP/WG.4/2017/4"]["sentence_links"] == 240
    assert groups["S/2013/220"]["status"] == "extracted"
    assert groups["A/RES/73/3"]["files"] == [str(folder / "reports" / "A_RES_73_3.pdf")]


def test_outputs_are_those_of_unpara_batch(folder, outputs, tmp_path):
    out, report = outputs
    batch = tmp_path / "batch"
    done = cli("batch", str(folder), "-o", str(batch), check=False)
    assert done.returncode == 1, done.stderr  # the damaged PDF
    expected = json.loads((batch / "run-report.json").read_text())
    for a, b in zip(expected["files"], report["files"]):
        assert {k: v for k, v in a.items() if k != "read_ms"} == {
            k: v for k, v in b.items() if k != "read_ms"
        }
    assert len(expected["files"]) == len(report["files"])
    keep = ("group", "files", "status", "message", "sentence_links")
    assert [{k: g.get(k) for k in keep} for g in expected["groups"]] == [
        {k: g.get(k) for k in keep} for g in report["groups"]
    ]
    for group in report["groups"]:
        name = unpara._native.file_stem_of(group["group"]) + ".json"
        assert (out / name).read_bytes() == (batch / name).read_bytes(), name
    lines = sorted(
        line for part in (out / "jsonl").glob("part-*.jsonl") for line in part.read_text().splitlines()
    )
    assert lines == sorted((batch / "corpus.jsonl").read_text().splitlines())


def test_parquet_loads_as_a_translation_dataset(outputs):
    datasets = pytest.importorskip("datasets", reason="datasets reads the Parquet output")
    out, _ = outputs
    assert sorted(p.name for p in (out / "parquet").iterdir()) == ["zh-en", "zh-en-fr"]
    ds = datasets.load_dataset("parquet", data_dir=str(out / "parquet" / "zh-en"), split="train")
    # A Translation feature (its languages sorted, as datasets stores them).
    assert ds.features["translation"] == datasets.Translation(languages=["en", "zh"])
    assert len(ds) == 240
    first = next(r for r in ds if r["ids"]["en"] == ["b0:0"])
    assert first["translation"] == {"zh": ZH_TITLE, "en": EN_TITLE}
    assert first["group"] == "CAC/COSP/WG.4/2017/4"
    # The fields of corpus.jsonl, column by column.
    lines = [json.loads(x) for p in (out / "jsonl").glob("part-*.jsonl") for x in p.read_text().splitlines()]
    pair_line = next(x for x in lines if x["languages"] == ["zh", "en"])
    assert list(ds.features) == list(pair_line)
    three = datasets.load_dataset("parquet", data_dir=str(out / "parquet" / "zh-en-fr"), split="train")
    assert three.features["translation"] == datasets.Translation(languages=["en", "fr", "zh"])
    assert set(three[0]["translation"]) == {"zh", "en", "fr"}


def test_an_object_store_prefix_is_read_and_written():
    """memory:// is an fsspec object store; an in-process cluster (threads) shares it."""
    fsspec = pytest.importorskip("fsspec")
    from distributed import Client

    fs = fsspec.filesystem("memory")
    for name in ("zh.pdf", "en.pdf"):
        fs.pipe(f"/un/cac/{name}", (FIXTURE / name).read_bytes())
    fs.pipe("/un/cac/.DS_Store/x.pdf", b"hidden")
    fs.pipe("/un/cac/bad.docx", b"PK\x03\x04 not a zip")
    assert dask_pipeline.list_inputs(["memory://un/"])[0] == [
        "memory:///un/cac/bad.docx",
        "memory:///un/cac/en.pdf",
        "memory:///un/cac/zh.pdf",
    ]
    with Client(processes=False, n_workers=1, threads_per_worker=2, dashboard_address=":0") as client:
        report = dask_pipeline.run(["memory://un/"], "memory://out/", client=client)
    # The fixture's front pages warn of their masthead ("United Nations", "联合国").
    assert [f["status"] for f in report["files"]] == ["error", "warning", "warning"]
    assert report["groups"][0]["status"] == "aligned"
    assert report["groups"][0]["output"] == "memory://out/CAC_COSP_WG.4_2017_4.json"
    assert json.loads(fs.cat("/out/CAC_COSP_WG.4_2017_4.json"))["summary"]["links"] == 124
    assert len(fs.glob("/out/parquet/zh-en/part-*.parquet")) == 1
    assert json.loads(fs.cat("/out/run-report.json"))["totals"]["errors"] == 1


def test_the_command_line(folder, tmp_path, capsys):
    out = tmp_path / "cmd"
    code = dask_pipeline.main([str(folder / "cac"), "-o", str(out), "--workers", "1", "--format", "jsonl"])
    assert code == 0
    err = capsys.readouterr().err
    assert "3 files, 1 group (1 aligned, 0 extracted), 0 errors" in err
    # A second run into the same folder replaces the parts of the first.
    assert dask_pipeline.main([str(folder / "cac"), "-o", str(out), "--workers", "1", "--format", "jsonl"]) == 0
    lines = [x for p in (out / "jsonl").glob("part-*.jsonl") for x in p.read_text().splitlines()]
    assert len(lines) == 240
    assert not (out / "parquet").exists()
    assert dask_pipeline.main([str(folder), "-o", str(tmp_path / "strict"), "--workers", "1", "--strict"]) == 1
    assert dask_pipeline.main([str(tmp_path / "nowhere"), "-o", str(out)]) == 4
    for bad in (["--lang", "xx"], ["--workers", "0"], ["--workers", "-1"], ["--max-inflate", "-5"], ["--timeout", "0"]):
        with pytest.raises(SystemExit) as e:
            dask_pipeline.main([*bad, str(folder), "-o", str(out)])
        assert e.value.code == 2, bad
    for bad in ({"workers": -1}, {"max_inflate": 0}, {"max_memory": True}, {"timeout": -1}):
        with pytest.raises(ValueError):
            dask_pipeline.run([str(folder)], str(out), **bad)


def hostile(tmp_path, name):
    """A file of tests/hostile/make.py (written at test time)."""
    import subprocess
    import sys

    from conftest import ROOT

    made = tmp_path / "hostile"
    subprocess.run([sys.executable, str(ROOT / "tests" / "hostile" / "make.py"), str(made), str(FIXTURE / "en.pdf")],
                   check=True)
    return made / name


def test_a_read_past_its_memory_or_time_is_an_error_row(tmp_path):
    """As unpara batch's workers (tests/e2e/hostile.rs): the 4 GiB flate bomb past a
    100 MiB address-space limit, every read past a limit no reading can meet; the job
    finishes and the good pair is aligned."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(hostile(tmp_path, "flate-bomb-4g-single.pdf"), inputs / "bomb.pdf")
    shutil.copy(FIXTURE / "zh.pdf", inputs / "zh.pdf")
    shutil.copy(FIXTURE / "en.pdf", inputs / "en.pdf")
    report = dask_pipeline.run([str(inputs)], str(tmp_path / "out"), workers=1, max_memory=100 << 20)
    bomb = next(f for f in report["files"] if f["path"].endswith("bomb.pdf"))
    assert bomb["status"] == "error"
    assert bomb["message"].startswith(f"{inputs / 'bomb.pdf'}: reading needed more than the limit of 100 MiB (max_memory)")
    assert "memory allocation of" in bomb["message"]
    assert report["groups"][0]["status"] == "aligned"
    slow = dask_pipeline.run([str(inputs)], str(tmp_path / "slow"), workers=1, timeout=1e-4)
    assert [f["status"] for f in slow["files"]] == ["error"] * 3
    assert all("reading took longer than the limit of 0.0001 s (timeout)" in f["message"] for f in slow["files"])


def test_a_running_cluster_is_only_an_address(folder, outputs, tmp_path):
    """README's cluster usage, on this machine: `dask scheduler` and `dask worker` as
    their own processes, the pipeline given only the scheduler's address; the same
    report and corpus lines as the local mode."""
    import subprocess
    import sys
    import time as clock

    bin_dir = pathlib.Path(sys.executable).parent
    dask_cli = bin_dir / "dask"
    if not dask_cli.exists():
        pytest.skip(f"{dask_cli} is absent (the dask command comes with distributed)")
    info = tmp_path / "scheduler.json"
    procs = [
        subprocess.Popen([str(dask_cli), "scheduler", "--port", "0", "--no-dashboard", "--scheduler-file", str(info)],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ]
    try:
        deadline = clock.monotonic() + 60
        while not info.exists() and clock.monotonic() < deadline:
            clock.sleep(0.2)
        assert info.exists(), "the scheduler did not start"
        procs.append(
            subprocess.Popen([str(dask_cli), "worker", "--scheduler-file", str(info), "--nworkers", "2",
                              "--nthreads", "1", "--no-dashboard"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        )
        address = json.loads(info.read_text())["address"]
        from distributed import Client

        with Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=60)
        report = dask_pipeline.run([str(folder)], str(tmp_path / "out"), address=address)
    finally:
        for p in reversed(procs):
            p.terminate()
        for p in procs:
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()
    local_out, local = outputs
    assert report["jobs"] == 2
    assert report["totals"]["files"] == local["totals"]["files"]
    assert [(f["path"], f["status"]) for f in report["files"]] == [(f["path"], f["status"]) for f in local["files"]]
    lines = sorted(x for p in (tmp_path / "out" / "jsonl").glob("*.jsonl") for x in p.read_text().splitlines())
    assert lines == sorted(x for p in (local_out / "jsonl").glob("*.jsonl") for x in p.read_text().splitlines())


def test_a_failed_run_keeps_the_last_parts_and_a_second_run_is_refused(folder, tmp_path, monkeypatch):
    """A run that fails (here: converting a group raises) leaves the last complete run's
    parquet/ and jsonl/ and no staging folder; a run into a folder another run holds
    stops at once (exit 4), as unpara batch does with its .unpara-lock."""
    import fcntl

    from distributed import Client

    out = tmp_path / "out"
    assert dask_pipeline.main([str(folder / "cac"), "-o", str(out), "--workers", "1"]) == 0
    before = sorted(p.relative_to(out) for p in out.rglob("*.parquet"))
    assert len(before) == 1

    def broken(groups, options):
        raise RuntimeError("a conversion that fails")

    monkeypatch.setattr(dask_pipeline, "_convert_partition", broken)
    with Client(processes=False, n_workers=1, threads_per_worker=1, dashboard_address=":0") as client:
        with pytest.raises(RuntimeError, match="a conversion that fails"):
            dask_pipeline.run([str(folder / "cac")], str(out), client=client)
    assert sorted(p.relative_to(out) for p in out.rglob("*.parquet")) == before
    assert not list(out.glob(".unpara-run-*"))
    monkeypatch.undo()

    with open(out / dask_pipeline.LOCK_FILE, "a+b") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        assert dask_pipeline.main([str(folder / "cac"), "-o", str(out), "--workers", "1"]) == 4
    assert dask_pipeline.main([str(folder / "cac"), "-o", str(out), "--workers", "1"]) == 0


def test_sizes_take_units_as_unpara_batch_does():
    parse = dask_pipeline._parser().parse_args
    args = parse(["in", "-o", "out", "--max-memory", "512M", "--max-inflate", "64K", "--max-file-bytes", "1G"])
    assert (args.max_memory, args.max_inflate, args.max_file_bytes) == (512 << 20, 64 << 10, 1 << 30)
    assert parse(["in", "-o", "out", "--max-memory", "1048576"]).max_memory == 1 << 20
    for bad in ("12Q", "-5", "0", "M"):
        with pytest.raises(SystemExit):
            parse(["in", "-o", "out", "--max-memory", bad])
