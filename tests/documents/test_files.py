"""Reading a PDF's right-to-left lines back in reading order (marsad.documents.files)."""

from __future__ import annotations

from marsad.documents.files import logical_order


def test_a_percent_sign_reads_after_its_number_on_either_side_of_it():
    """pdftotext gives a number's run in drawing order: the sign left of the number inside a line
    ("٪4.82"), right of it when the number starts the line ("6.76٪"); both read "N٪"."""
    inside = "\u202bبزيادة \u202a٪4.82\u202c؛ والخدمات\u202c"
    at_start = "\u202b\u202a 6.76٪\u202cعن نفس الفترة\u202c"
    assert "بزيادة 4.82٪؛" in logical_order(inside)
    assert logical_order(at_start).startswith("6.76٪ عن")


def test_numbers_and_latin_words_keep_their_own_order():
    line = "\u202bالرقم: \u202aBC-UBND/125\u202c في \u202a.2024\u202c\u202c"
    assert logical_order(line) == "الرقم: 125/BC-UBND في 2024."
