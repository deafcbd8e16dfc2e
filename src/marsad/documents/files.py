"""The text of a report file: plain text, or a PDF, Word document or HTML page (the project's
own reports among them), for the reader (``marsad extract``, ``marsad ingest``).

- PDF: poppler's ``pdftotext`` (Debian ``poppler-utils``), in reading order; lines broken where
  the page broke them are joined again into paragraphs (a blank line ends a paragraph).
- DOCX: the paragraphs and the table cells, in document order (python-docx).
- HTML: the text of the body, without styles, scripts or drawings; blocks on lines of their own.

No Django here: plain bytes in, text out.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
import zipfile
from html.parser import HTMLParser
from pathlib import Path


class FileTextError(ValueError):
    """A file whose text cannot be read (said why)."""


def kind_of(data: bytes, name: str = "") -> str:
    """ "pdf", "docx", "html" or "text", from the file's first bytes (its name as a hint)."""
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                if "word/document.xml" in z.namelist():
                    return "docx"
        except zipfile.BadZipFile:
            pass
        return "zip"
    head = data[:2048].lstrip(b"\xef\xbb\xbf").lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or name.lower().endswith((".html", ".htm")):
        return "html"
    return "text"


def pdf_text(data: bytes, name: str = "the file") -> str:
    exe = shutil.which("pdftotext")
    if exe is None:
        raise FileTextError(f"{name} is a PDF: reading it needs pdftotext (Debian package poppler-utils)")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "in.pdf"
        path.write_bytes(data)
        run = subprocess.run(  # noqa: S603 - a fixed program on our own temporary file
            [exe, "-enc", "UTF-8", str(path), "-"], capture_output=True, timeout=120
        )
    if run.returncode != 0:
        raise FileTextError(f"{name} is not a readable PDF ({run.stderr.decode('utf-8', 'replace').strip()})")
    return paragraphs(logical_order(run.stdout.decode("utf-8", "replace")))


_EMBEDDED_LTR = re.compile("\u202a([^\u202a-\u202e]*)\u202c")
# Inside a left-to-right run of a right-to-left line: a Latin word with what joins it ("BC-UBND"),
# a number with its marks and its percent sign on either side ("1,207.5", "٪4.82", "6.76٪": the
# print font draws the sign left of the number inside a line, right of it at a line's start), or
# one neutral character.
_LTR_TOKEN = re.compile(
    r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]+(?:[-/.&'][A-Za-z\u00c0-\u024f\u1e00-\u1eff]+)*"
    r"|[%\u066a]?\d+(?:[.,\u066b\u066c]\d+)*[%\u066a]?|.",
    re.S,
)
_BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_HARAKAT = re.compile("[\u064b-\u065f\u0670]")


def _reorder_run(run: str) -> str:
    """A run pdftotext gives in visual order inside a right-to-left line, in reading order: the
    pieces (numbers, Latin words, punctuation) run right to left, each keeping its own order
    ("٪8.26" -> "8.26٪", ".2024" -> "2024.", "2030-2021" -> "2021-2030")."""
    return "".join(_percent_after(t) for t in reversed(_LTR_TOKEN.findall(run)))


def _percent_after(token: str) -> str:
    """A number's percent sign after it, as it is read ("٪4.82" -> "4.82٪")."""
    if token[:1] in ("%", "\u066a") and len(token) > 1 and not token.endswith(("%", "\u066a")):
        return token[1:] + token[0]
    return token


def logical_order(text: str) -> str:
    """pdftotext's text of right-to-left lines (between U+202B and U+202C) in reading order, with
    the embedding marks and the Arabic vowel marks (drawn as separate glyphs) taken out."""
    if "\u202b" not in text:
        return text
    text = _EMBEDDED_LTR.sub(lambda m: _reorder_run(m.group(1)), text)
    text = _HARAKAT.sub("", _BIDI_CONTROLS.sub("", text))
    # pdftotext sees a space where the print font tucks an initial yeh under a letter that does
    # not join to the left (بز يادة, جمهور ية): joined again, except after a whole word it knows.
    text = _TUCKED_YEH.sub(
        lambda m: m.group(0) if m.group(1) in _WORDS_BEFORE_YEH else m.group(1) + m.group(2), text
    )
    # A right-to-left line that does not end a sentence goes on in the next line.
    return re.sub(r"(?<=[\u0600-\u06ff\d%٪,،])\n\s*\n?(?=[\u0600-\u06ff\d])", " ", text)


_TUCKED_YEH = re.compile(r"(\S*[رزوذدژ]) (ي[\u0621-\u064a])")
_WORDS_BEFORE_YEH = {"شهر", "في", "و"}


def paragraphs(text: str) -> str:
    """Lines of a page joined into paragraphs: a blank line (or a page break) ends one."""
    blocks = re.split(r"\n\s*\n|\f", text)
    return "\n".join(" ".join(b.split()) for b in blocks if b.strip())


def docx_text(data: bytes, name: str = "the file") -> str:
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        doc = Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many kinds on a broken file
        raise FileTextError(f"{name} is not a readable Word document ({exc})") from None
    lines: list[str] = []

    def walk(parent) -> None:
        for child in parent.iter_inner_content():
            if isinstance(child, Paragraph):
                lines.append(child.text)
            elif isinstance(child, Table):
                for row in child.rows:
                    cells = []
                    for cell in row.cells:
                        text = " ".join(p.text for p in cell.paragraphs).strip()
                        if text and (not cells or cells[-1] != text):  # merged cells repeat
                            cells.append(text)
                    lines.append(" | ".join(cells))

    walk(doc)  # headers and footers (page numbers) are the page's furniture: left out
    return "\n".join(line for line in lines if line.strip())


_BLOCKS = {
    "p",
    "div",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "br",
    "table",
    "section",
    "header",
    "footer",
    "ul",
    "ol",
    "caption",
    "figcaption",
    "blockquote",
    "article",
}
_SKIPPED = {"style", "script", "svg", "head", "template", "noscript"}


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIPPED:
            self.skip += 1
        elif tag in _BLOCKS:
            self.out.append("\n")
        elif tag in ("td", "th"):
            self.out.append(" | ")

    def handle_endtag(self, tag):
        if tag in _SKIPPED:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCKS:
            self.out.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)


def html_text(text: str) -> str:
    parser = _Text()
    parser.feed(text)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.out).split("\n"))
    return "\n".join(line.strip(" |") for line in lines if line.strip(" |"))


def file_text(data: bytes, name: str, decode) -> str:
    """The text of a file's bytes; ``decode(data, name)`` reads plain text (and refuses binary)."""
    kind = kind_of(data, name)
    if kind == "pdf":
        return pdf_text(data, name)
    if kind == "docx":
        return docx_text(data, name)
    if kind == "zip":
        raise FileTextError(f"{name} is a ZIP archive, not a report (PDF, Word, HTML or text)")
    if kind == "html":
        return html_text(decode(data, name))
    return decode(data, name)
