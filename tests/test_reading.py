import json

import pytest
from conftest import CORPUS

from framing.errors import InputError
from framing.reading.decoding import decode
from framing.reading.files import read_documents, read_path
from framing.reading.markup import html_to_text, markdown_to_text


def one(path):
    items = list(read_path(str(path)))
    assert len(items) == 1
    return items[0]


def test_plain_text_keeps_its_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Headline\n\nFirst sentence. Second one.\n", encoding="utf-8")
    doc = one(path)
    assert doc.text == "Headline\n\nFirst sentence. Second one.\n"
    assert doc.format == "txt"


@pytest.mark.parametrize("encoding,prefix", [("utf-8-sig", b""), ("utf-16", b""), ("cp1252", b"")])
def test_encodings_decode_to_the_same_text(tmp_path, encoding, prefix):
    text = "Caf\u00e9 owners \u201cobjected\u201d \u2013 loudly.\nSecond line."
    path = tmp_path / "a.txt"
    path.write_bytes(prefix + text.encode(encoding))
    assert one(path).text == text


def test_crlf_becomes_newline():
    assert decode(b"One.\r\nTwo.\rThree.", "x") == ("One.\nTwo.\nThree.", None)


def test_binary_file_is_refused_with_its_name(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    item = one(path)
    assert isinstance(item, InputError)
    assert str(item) == f"{path}: a PNG image, not text"


def test_missing_path_is_an_error_not_an_exception(tmp_path):
    items = list(read_documents([str(tmp_path / "nope.txt")]))
    assert [str(i) for i in items] == [f"{tmp_path / 'nope.txt'}: no such file or directory"]


def test_markdown_markup_is_removed():
    md = "# The Headline\n\nSome **bold** and _italic_ text with a [link](https://x.org).\n\n```\ncode()\n```\n\n* item one\n"
    assert markdown_to_text(md) == "The Headline\n\nSome bold and italic text with a link.\n\n\n- item one"


def test_html_keeps_the_article_and_drops_page_furniture():
    html = """<html><head><title>Page title</title><style>p{color:red}</style></head>
    <body><nav>Home | News</nav><script>alert('x')</script>
    <article><h1>Storm nears coast</h1><p>The storm &amp; its winds grew.</p>
    <ul><li>Item one</li></ul></article><footer>Copyright 2026</footer></body></html>"""
    text, title = html_to_text(html)
    assert text == "Storm nears coast\n\nThe storm & its winds grew.\n\nItem one"
    assert title == "Page title"


def test_html_without_article_element_keeps_body_text():
    text, _ = html_to_text("<body><div>First para.</div><div>Second <b>para</b>.</div></body>")
    assert text == "First para.\n\nSecond para."


def test_json_record_puts_the_title_first():
    doc = one(CORPUS / "sports_derby.json")
    assert doc.id == "sports-derby"
    assert doc.text.startswith(doc.title + "\n\n")


def test_jsonl_bad_line_is_named_and_good_lines_survive(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text('{"id": 1, "text": "Good one."}\n{broken\n{"id": 3, "title": "x"}\n{"id": 4, "text": "Also good."}\n')
    items = list(read_path(str(path)))
    assert [getattr(i, "id", None) for i in items] == ["1", None, None, "4"]
    assert str(items[1]).startswith(f"{path}:2: invalid JSON")
    assert str(items[2]) == f'{path}:3: record has no "text" field'


def test_folders_are_walked_in_order_and_gold_sidecars_skipped():
    sources = [d.source for d in read_documents([str(CORPUS)])]
    assert len(sources) == 13
    assert sources == sorted(sources)
    assert not any(s.endswith(".tsv") for s in sources)


def test_empty_file_is_an_error(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("  \n\n ")
    assert str(one(path)) == f"{path}: no text"


@pytest.mark.parametrize("data,text,warning", [
    # A stray byte among good UTF-8 characters is replaced; the rest stays UTF-8.
    ("Caf\u00e9 \u2014 na\u00efve".encode() + b"\xff and more", "Caf\u00e9 \u2014 na\u00efve\ufffd and more",
     "not valid UTF-8 (1 bad sequence, the first at byte 16); read as UTF-8, the bad bytes replaced by U+FFFD"),
    # A cut-off character is the only non-ASCII in the file.
    (b"Prices rose " + "\u20ac".encode()[:2], "Prices rose \ufffd",
    "not valid UTF-8 (1 bad sequence, the first at byte 12); read as UTF-8, the bad bytes replaced by U+FFFD"),
    # With a byte-order mark the file is UTF-8 whatever its bad bytes, and they are reported too.
    (b"\xef\xbb\xbfGood text\xff.", "Good text\ufffd.",
     "not valid UTF-8 (1 bad sequence, the first at byte 12); read as UTF-8, the bad bytes replaced by U+FFFD"),
    # Windows-1252 text, even one ending in an accented letter, is still read as Windows-1252.
    ("Caf\u00e9 owners met in the caf\u00e9".encode("cp1252"), "Caf\u00e9 owners met in the caf\u00e9",
     "not valid UTF-8 (byte 3); read as Windows-1252"),
    ("The na\u00efve r\u00e9sum\u00e9".encode("cp1252"), "The na\u00efve r\u00e9sum\u00e9",
     "not valid UTF-8 (byte 6); read as Windows-1252"),
])
def test_utf8_with_a_few_bad_bytes_is_read_as_utf8(data, text, warning):
    assert decode(data, "x") == (text, warning)


def test_records_without_the_text_field_are_named_one_by_one_once_the_field_is_known_to_exist(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"id": 1, "body": "x"}\n{"id": 2, "text": "Good one."}\n{"id": 3}\n')
    items = list(read_path(str(path)))
    assert [str(i) if isinstance(i, InputError) else i.id for i in items] == [
        f'{path}:1: record has no "text" field', "2", f'{path}:3: record has no "text" field']


@pytest.mark.parametrize("name,content,message", [
    ("list.json", '[{"id": 1, "body": "a"}, {"id": 2, "body": "b", "date": "2024"}]',
     'none of its 2 records has a "text" field (name the text field with --text-field); fields found: id, body, date'),
    ("one.json", '{"id": 1, "body": "a"}',
     'record has no "text" field (name the text field with --text-field); fields found: id, body'),
    ("table.csv", "id,body\n1,The council met.\n",
     'CSV header has no "text" column (name the text column with --text-field); columns: id, body'),
])
def test_a_wrong_text_field_in_json_and_csv_lists_the_fields_found(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content)
    assert [str(i) for i in read_path(str(path))] == [f"{path}: {message}"]


@pytest.mark.parametrize("piped, count, first", [
    ('{"id": "a", "text": "The vote was held on Tuesday."}\n{"id": "b", "text": "Turnout was low."}\n', 2, "a"),
    ('[{"id": "c", "text": "The vote was held on Tuesday."}]', 1, "c"),
    ('{\n  "id": "d",\n  "text": "The vote was held on Tuesday."\n}\n', 1, "d"),
    ("{Braces} open this plain note about the vote.", 1, None),
])
def test_stdin_is_read_as_json_or_jsonl_when_it_is(piped, count, first):
    from click.testing import CliRunner

    from framing.cli import main

    result = CliRunner().invoke(main, ["score", "-", "--format", "jsonl", "--no-cache"], input=piped)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert len(records) == count and records[0]["id"] == first
    if first is None:
        assert records[0]["text"].startswith("{Braces}")
