"""unpara's Python functions against the command line and the documents' pages."""

import json
import pathlib
import threading

import pytest

import unpara
from conftest import FIXTURE, cli, corpus

ZH = FIXTURE / "zh.pdf"
EN = FIXTURE / "en.pdf"


def test_the_wheel_is_one_abi3_module():
    native = pathlib.Path(unpara._native.__file__)
    assert native.name == "_native.abi3.so", native
    assert unpara.SCHEMA == "1"
    assert (native.parent / "_native.pyi").exists()
    assert (native.parent / "py.typed").exists()


def test_extract_reads_the_front_page():
    doc = unpara.extract(EN)
    # As the front page of the fixture prints them.
    assert doc["metadata"]["symbol"] == "CAC/COSP/WG.4/2017/4"
    assert doc["metadata"]["job_number"] == "V.17-06020"
    assert doc["metadata"]["date"] == "2017-08-29"
    assert doc["metadata"]["distribution"] == "General"
    assert doc["language"] == "en"
    assert doc["source"]["pages"] == 11
    assert doc["schema_version"] == "1"
    kinds = [b["kind"] for b in doc["blocks"]]
    # fixtures/manifest.json: 93 numbered paragraphs, 13 headings, items (a)-(d), (a)-(b).
    assert kinds.count("paragraph") == 93
    assert kinds.count("heading") == 13
    assert kinds.count("item") == 6


def test_extract_is_the_clis_json(tmp_path):
    out = tmp_path / "en.json"
    cli("extract", str(EN), "-o", str(out))
    assert unpara.extract(str(EN)) == json.loads(out.read_text())


def test_bytes_read_as_the_file_does():
    from_path = unpara.extract(EN)
    from_bytes = unpara.extract(EN.read_bytes(), name=str(EN))
    assert from_bytes == from_path
    unnamed = unpara.extract(bytearray(EN.read_bytes()))
    assert unnamed["source"]["path"] == "<bytes>"
    assert unnamed["blocks"] == from_path["blocks"]


def test_align_is_the_clis_alignment(tmp_path):
    pair = unpara.align(ZH, EN)
    out = tmp_path / "pair.json"
    cli("align", str(ZH), str(EN), "-o", str(out))
    assert pair == json.loads(out.read_text())
    assert pair["languages"] == ["zh", "en"]
    # Both versions' 124 blocks (93 numbered paragraphs, 13 headings, 6 items, 12
    # front-page and other lines; the CLI's expected file says the same) pair 1-1.
    assert pair["summary"]["links"] == 124
    assert pair["summary"]["one_to_one"] == 124
    assert pair["summary"]["unaligned"] == {"zh": 0, "en": 0}


def test_align_of_three_versions_is_the_set(tmp_path):
    udhr = corpus("udhr-xml")
    files = [udhr / f"{lang}.xml" for lang in ("zh", "en", "fr")]
    out = tmp_path / "set.json"
    cli("align", *map(str, files), "-o", str(out))
    record = unpara.align(*files)
    assert record == json.loads(out.read_text())
    assert record["languages"] == ["zh", "en", "fr"]


def test_text_is_the_clis_text():
    assert unpara.text(EN) == cli("text", str(EN)).stdout
    layout = unpara.text(EN.read_bytes(), json=True)
    assert layout == json.loads(cli("text", str(EN), "--json").stdout)
    assert layout["undecodable_glyphs"] == 0


def test_language_given_or_detected():
    assert unpara.extract(EN, "en")["language"] == "en"
    assert unpara.extract(ZH, lang="zh")["language"] == "zh"
    with pytest.raises(ValueError, match='unknown language "xx"'):
        unpara.extract(EN, "xx")


def test_errors_name_the_file_and_the_reason(tmp_path):
    with pytest.raises(unpara.Error) as e:
        unpara.extract(b"hello, world", name="greeting.bin")
    assert str(e.value) == "greeting.bin: not a PDF, Word or XML document"
    assert e.value.file == "greeting.bin"
    assert e.value.reason == "not a PDF, Word or XML document"

    missing = tmp_path / "missing.pdf"
    with pytest.raises(unpara.Error) as e:
        unpara.extract(missing)
    assert e.value.file == str(missing)
    assert str(e.value).startswith(f"{missing}: cannot read: ")

    cut = tmp_path / "cut.pdf"
    cut.write_bytes(EN.read_bytes()[:2000])
    with pytest.raises(unpara.Error) as e:
        unpara.align(cut, EN)
    assert e.value.file == str(cut)
    # The same message as the command line prints (after "unpara: ").
    printed = cli("align", str(cut), str(EN), check=False)
    assert printed.returncode == 1
    assert printed.stderr.strip() == f"unpara: {e.value}"

    with pytest.raises(TypeError, match="expected a path"):
        unpara.extract(42)
    for bad in (-1, 0, True, 2**64, 10**30, "big"):
        with pytest.raises(ValueError, match="max_inflate is a number of bytes"):
            unpara.extract(EN, max_inflate=bad)
    with pytest.raises(ValueError, match="langs is a list"):
        unpara.align(ZH, EN, langs="zh")
    with pytest.raises(unpara.Error) as e:
        unpara.align(EN, EN.read_bytes(), lang_a="en", lang_b="en")
    assert str(e.value) == f"{EN}, <bytes>: both documents are in en: a pair needs two languages (give lang_a/lang_b, or langs)"
    with pytest.raises(ValueError, match="two to six"):
        unpara.align(EN, EN, EN, EN, EN, EN, EN)


def test_encrypted_pdf_needs_its_password():
    path = corpus("wild-pdf/pdfminer-aes-128.pdf")
    with pytest.raises(unpara.EncryptedError) as e:
        unpara.text(path)
    assert e.value.file == str(path)
    assert e.value.reason == "encrypted: needs a password"
    assert isinstance(e.value, unpara.Error)
    # User password baz, owner password foo (tests/e2e/text_cmd.rs).
    assert unpara.text(path, password="baz").strip("\n\x0c") == "Secret!"
    assert unpara.text(path, password="foo").strip("\n\x0c") == "Secret!"


def test_a_word_document_past_max_inflate_is_a_limit():
    path = corpus("un-en/A_80_590.docx")
    with pytest.raises(unpara.LimitError) as e:
        unpara.extract(path, max_inflate=4096)
    assert e.value.file == str(path)
    assert e.value.reason == "the Word document inflates to more than 4096 bytes (limit set by max_inflate)"
    assert unpara.extract(path)["metadata"]["symbol"] == "A/80/590"


def test_threads_convert_alike():
    expected = unpara.extract(EN)
    results = [None] * 4

    def work(i):
        results[i] = unpara.extract(EN)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == expected for r in results)


def test_type_stubs_type_check(tmp_path):
    """The stubs (unpara/_native.pyi) as a type checker reads them: right uses pass
    mypy --strict, a wrong one is caught, text() narrows on json=."""
    pytest.importorskip("mypy", reason="mypy checks the type stubs (pip install mypy)")
    import subprocess
    import sys

    good = tmp_path / "good.py"
    good.write_text(
        "import unpara\n"
        "lines: str = unpara.text('x.pdf')\n"
        "layout: dict[str, object] = unpara.text(b'%PDF', json=True)\n"
        "doc: dict[str, object] = unpara.extract('x.pdf', 'en', max_inflate=10)\n"
        "pair = unpara.align('a.pdf', 'b.pdf', lang_a='zh')\n"
        "record = unpara.align('a', 'b', 'c', langs=['zh', None, 'en'])\n"
        "try:\n    pass\nexcept unpara.Error as e:\n    reason: str | None = e.reason\n"
    )
    bad = tmp_path / "bad.py"
    bad.write_text("import unpara\nn: int = unpara.text('x.pdf')\nunpara.extract(42)\n")
    run = lambda f: subprocess.run(  # noqa: E731
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(f)], capture_output=True, text=True
    )
    ok = run(good)
    assert ok.returncode == 0, ok.stdout
    caught = run(bad)
    assert caught.returncode == 1
    assert 'Incompatible types in assignment (expression has type "str", variable has type "int")' in caught.stdout
    assert 'Argument 1 to "extract" has incompatible type "int"' in caught.stdout
