"""Small documents for the tests, made here: a PDF with text on numbered pages (in any script:
its font maps each byte to a character through a ToUnicode table, which is what text
extraction reads), an encrypted PDF, a scanned one (a page without text), and a DOCX."""

from __future__ import annotations

import io

import docx
from pypdf import PdfWriter

_CMAP_HEAD = (
    "/CIDInit /ProcSet findresource begin 12 dict begin begincmap "
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def "
    "/CMapName /Adobe-Identity-UCS def /CMapType 2 def "
    "1 begincodespacerange <00> <FF> endcodespacerange\n"
)
_CMAP_TAIL = "endcmap CMapName currentdict /CMap defineresource pop end end\n"


def pdf(*pages: str) -> bytes:
    """A PDF whose page N holds `pages[N-1]`, one line per line of the string."""
    characters = sorted({c for page in pages for c in page if c != "\n"})
    assert len(characters) < 255, "one byte per character"
    codes = {c: n + 1 for n, c in enumerate(characters)}
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    cmap = _cmap(codes).encode()
    to_unicode = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(cmap), cmap))
    font = add(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode %d 0 R >>" % to_unicode
    )
    pages_id = len(objects) + 1 + 2 * len(pages) + 1
    kids = []
    for page in pages:
        stream = _content(page, codes)
        content = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (pages_id, content, font)
            )
        )
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    listed = b" ".join(b"%d 0 R" % kid for kid in kids)
    assert add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (listed, len(kids))) == pages_id
    return _file(objects, catalog)


def _cmap(codes: dict[str, int]) -> str:
    entries = [f"<{code:02X}> <{ord(c):04X}>" for c, code in codes.items()]
    blocks = [entries[n : n + 100] for n in range(0, len(entries), 100)]
    body = "".join(
        f"{len(block)} beginbfchar\n" + "\n".join(block) + "\nendbfchar\n" for block in blocks
    )
    return _CMAP_HEAD + body + _CMAP_TAIL


def _content(page: str, codes: dict[str, int]) -> bytes:
    lines = [b"BT /F1 11 Tf 14 TL 40 800 Td"]
    for line in page.split("\n"):
        hexed = "".join(f"{codes[c]:02X}" for c in line)
        lines.append(b"<%s> Tj T*" % hexed.encode())
    lines.append(b"ET")
    return b"\n".join(lines)


def _file(objects: list[bytes], root: int) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\n" % (len(objects) + 1, root))
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def encrypted_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.encrypt("secret")  # RC4: no cryptography package needed
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def scanned_pdf() -> bytes:
    """A PDF whose page holds no text (as a scan's image would be)."""
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx_file(*paragraphs: str) -> bytes:
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
