"""The spreadsheet reader: every format, every kind of bad input, with files made here."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import sheet_factory as factory

from ropa_desktop.domain.i18n import language, set_language
from ropa_desktop.domain.progress import Cancelled
from ropa_desktop.io.sheets.reader import (
    DEFAULT_LIMITS,
    ImportFileError,
    Limits,
    Sheet,
    Workbook,
    cell_ref,
    column_letter,
    read_workbook,
)

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture(autouse=True)
def _german() -> Iterator[None]:
    before = language()
    set_language("de")
    yield
    set_language(before)


@pytest.fixture(scope="session")
def office_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The layout workbook as written by openpyxl, and as LibreOffice saves it in xlsx
    (with cached formula values), ods and xls."""
    base = tmp_path_factory.mktemp("office")
    source = factory.layout_workbook(base / "layout.xlsx")
    rows = factory.rows_workbook(base / "rows.xlsx", 3000, columns=4, sheet="Personalamt")
    profile = base / "profile"
    factory.soffice_convert([source], "ods", base / "ods", profile)
    factory.soffice_convert([source, rows], "xls", base / "xls", profile)
    factory.soffice_convert([source], "xlsx:Calc MS Excel 2007 XML", base / "lo", profile)
    return {
        "openpyxl": source,
        "xlsx": base / "lo" / "layout.xlsx",
        "ods": base / "ods" / "layout.ods",
        "xls": base / "xls" / "layout.xls",
        "rows_xls": base / "xls" / "rows.xls",
    }


def error_of(path: Path, **kwargs: object) -> str:
    """The message of the ImportFileError reading ``path`` raises; checks it is one line
    and names the file."""
    with pytest.raises(ImportFileError) as caught:
        read_workbook(path, **kwargs)  # type: ignore[arg-type]
    message = str(caught.value)
    assert "\n" not in message and "\r" not in message
    assert str(path) in message
    return message


def sheet_named(workbook: Workbook, name: str) -> Sheet:
    return next(sheet for sheet in workbook.sheets if sheet.name == name)


# --- the formats ----------------------------------------------------------------------------------


def test_xlsx_layout_with_title_blank_row_and_merged_header(tmp_path: Path) -> None:
    path = factory.layout_workbook(tmp_path / "layout.xlsx")
    wb = read_workbook(path)
    assert wb.kind == "xlsx" and wb.encoding is None and wb.delimiter is None
    sheet = sheet_named(wb, "Verzeichnis")
    rows = sheet.rows
    assert rows[0] == ["Verzeichnis von Verarbeitungstätigkeiten – Bürgerbüro"]
    assert rows[1] == [dt.date(2024, 3, 1)]
    assert rows[2] == []
    assert rows[3] == [
        "Verarbeitung",
        None,
        "Rechtsgrundlage",
        "Frist (Jahre)",
        "Frist (Monate)",
        "Letzte Prüfung",
    ]
    assert rows[4] == ["Nr.", "Bezeichnung"]
    assert rows[5][:4] == [1, "Melderegister", "Art. 6 Abs. 1 lit. e DSGVO\n§§ 2 ff. BMG", 10]
    assert rows[5][5] == dt.datetime(2024, 1, 15, 9, 30)
    assert rows[6][3] == 2.5 and rows[6][5] == dt.date(2023, 12, 1)
    assert rows[7][2] == "=SUMME(A1:A2)"  # text that looks like a formula stays text
    assert sorted(sheet.merged) == [(3, 0, 3, 1), (3, 2, 4, 2)]
    assert sheet.cell_ref(3, 2) == "C4"


def test_hidden_and_empty_sheets(tmp_path: Path) -> None:
    wb = read_workbook(factory.layout_workbook(tmp_path / "layout.xlsx"))
    assert [s.name for s in wb.sheets] == ["Verzeichnis", "Listen", "Leer"]
    hidden = sheet_named(wb, "Listen")
    assert hidden.hidden and hidden.rows == [["Ja"], ["Nein"]]
    assert any("„Listen“" in w and "ausgeblendet" in w for w in wb.warnings)
    assert sheet_named(wb, "Leer").rows == []


@pytest.mark.parametrize("kind", ["xlsx", "ods", "xls"])
def test_formulas_give_cached_values_in_every_office_format(
    office_files: dict[str, Path], kind: str
) -> None:
    wb = read_workbook(office_files[kind])
    assert wb.kind == kind
    assert not [w for w in wb.warnings if "endet auf" in w]
    sheet = sheet_named(wb, "Verzeichnis")
    assert sheet.rows[0] == ["Verzeichnis von Verarbeitungstätigkeiten – Bürgerbüro"]
    assert sheet.rows[1] == [dt.date(2024, 3, 1)]
    assert sheet.rows[2] == []
    assert sheet.rows[3][:3] == ["Verarbeitung", None, "Rechtsgrundlage"]
    assert sheet.rows[5][4] == 120  # =D6*12
    assert sheet.rows[6][4] == 30  # =D7*12 with D7 = 2.5
    assert sheet.rows[7][1] == "Link"  # =HYPERLINK(…, "Link")
    assert sheet.rows[5][5] == dt.datetime(2024, 1, 15, 9, 30)
    assert sheet.rows[6][5] == dt.date(2023, 12, 1)
    assert sheet.rows[5][2] == "Art. 6 Abs. 1 lit. e DSGVO\n§§ 2 ff. BMG"
    assert sorted(sheet.merged) == [(3, 0, 3, 1), (3, 2, 4, 2)]
    assert sheet_named(wb, "Listen").hidden
    assert sheet_named(wb, "Leer").rows == []


def test_ods_written_by_hand(tmp_path: Path) -> None:
    path = factory.ods_by_hand(tmp_path / "hand.ods", factory.MINIMAL_ODS_TABLES)
    wb = read_workbook(path)
    assert wb.kind == "ods" and wb.warnings == []
    sheet = sheet_named(wb, "Tätigkeiten")
    assert sheet.rows == [
        ["Titel"],
        [],
        [],
        ["Verarbeitung", None, "Zweck"],
        [3, dt.date(2024, 5, 17), "Zeile 1\nZeile 2"],
    ]
    assert sheet.merged == [(3, 0, 3, 1)]
    assert sheet_named(wb, "Leer").rows == []


def test_xlsm_is_recognised(tmp_path: Path) -> None:
    path = factory.cells_workbook(tmp_path / "makro.xlsm", {"A1": "x"})
    with zipfile.ZipFile(path) as zf:
        members = {info.filename: zf.read(info) for info in zf.infolist()}
    members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(
        b"spreadsheetml.sheet.main+xml", b"ms-excel.sheet.macroEnabled.main+xml"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    wb = read_workbook(path)
    assert wb.kind == "xlsm" and wb.warnings == [] and wb.sheets[0].rows == [["x"]]


def test_workbook_without_rows_gives_empty_sheets(tmp_path: Path) -> None:
    path = factory.cells_workbook(tmp_path / "leer.xlsx", {})
    wb = read_workbook(path)
    assert [(s.name, s.rows) for s in wb.sheets] == [("Tabelle1", [])]


def test_extension_that_does_not_fit_the_content_gives_a_warning(tmp_path: Path) -> None:
    xlsx = factory.cells_workbook(tmp_path / "a.xlsx", {"B2": "Wert"})
    for name in ("named.xls", "named.csv", "no_extension"):
        path = tmp_path / name
        path.write_bytes(xlsx.read_bytes())
        wb = read_workbook(path)
        assert wb.kind == "xlsx"
        assert wb.sheets[0].rows == [[], [None, "Wert"]]
        assert len(wb.warnings) == 1 and "xlsx" in wb.warnings[0]


# --- CSV ----------------------------------------------------------------------------------------


def test_csv_semicolon_windows_1252_with_quoted_multiline_cells(tmp_path: Path) -> None:
    text = (
        "Verzeichnis der Verarbeitungstätigkeiten;;\r\n"
        ";;\r\n"
        "Bezeichnung;Zweck;Empfänger\r\n"
        'Meldewesen;"Führung des Melderegisters\nAuskünfte";"Bürger; Behörden"\r\n'
        'Gewerbe;"Anzeigen ""Gewerbe""";€ Gebühren\r\n'
    )
    path = tmp_path / "vvt.csv"
    path.write_bytes(text.encode("cp1252"))
    wb = read_workbook(path)
    assert (wb.kind, wb.encoding, wb.delimiter) == ("csv", "cp1252", ";")
    assert wb.warnings == []
    sheet = wb.sheets[0]
    assert sheet.name == "vvt" and sheet.merged == []
    assert sheet.rows == [
        ["Verzeichnis der Verarbeitungstätigkeiten"],
        [],
        ["Bezeichnung", "Zweck", "Empfänger"],
        ["Meldewesen", "Führung des Melderegisters\nAuskünfte", "Bürger; Behörden"],
        ["Gewerbe", 'Anzeigen "Gewerbe"', "€ Gebühren"],
    ]


def test_csv_utf8_with_bom_and_commas(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(
        b"\xef\xbb\xbf"
        + 'Name,Zweck,Frist\nLöhne,"Abrechnung, Steuer",10 Jahre\nKita,Betreuung,\n'.encode()
    )
    wb = read_workbook(path)
    assert (wb.encoding, wb.delimiter) == ("utf-8-sig", ",")
    assert wb.sheets[0].rows == [
        ["Name", "Zweck", "Frist"],
        ["Löhne", "Abrechnung, Steuer", "10 Jahre"],
        ["Kita", "Betreuung"],
    ]


def test_csv_tab_separated_text_file(tmp_path: Path) -> None:
    path = tmp_path / "liste.txt"
    path.write_text(
        'Name\tZweck; Hinweis\tNr\nA\tB, C\t0049\nD\t=HYPERLINK("x")\t+49 30 1\n', encoding="utf-8"
    )
    wb = read_workbook(path)
    assert (wb.encoding, wb.delimiter) == ("utf-8", "\t")
    assert wb.sheets[0].rows == [
        ["Name", "Zweck; Hinweis", "Nr"],
        ["A", "B, C", "0049"],
        ["D", '=HYPERLINK("x")', "+49 30 1"],
    ]


def test_csv_pipe_and_values_stay_text(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("a|b|c|d\n1,5|01.02.2024|@cmd|-3\n", encoding="utf-8")
    wb = read_workbook(path)
    assert wb.delimiter == "|"
    assert wb.sheets[0].rows[1] == ["1,5", "01.02.2024", "@cmd", "-3"]


def test_csv_utf16_as_excel_unicode_text(tmp_path: Path) -> None:
    path = tmp_path / "unicode.txt"
    path.write_bytes("Name\tOrt\r\nMüller\tKöln\r\n".encode("utf-16"))
    wb = read_workbook(path)
    assert (wb.encoding, wb.delimiter) == ("utf-16", "\t")
    assert wb.sheets[0].rows == [["Name", "Ort"], ["Müller", "Köln"]]


def test_csv_control_characters_are_kept_without_comment(tmp_path: Path) -> None:
    path = tmp_path / "ctl.csv"
    path.write_text("a;b\nx\x07y;z\x1bq\n", encoding="utf-8")
    wb = read_workbook(path)
    assert wb.sheets[0].rows[1] == ["x\x07y", "z\x1bq"] and wb.warnings == []


def test_csv_utf8_with_a_few_broken_bytes(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_bytes("Straße;Größe\nMüller;Bär\n".encode() + "Köln;1\n".encode("cp1252"))
    wb = read_workbook(path)
    assert wb.encoding == "utf-8"
    assert wb.sheets[0].rows == [["Straße", "Größe"], ["Müller", "Bär"], ["Köln", "1"]]
    assert len(wb.warnings) == 1
    assert "Anzahl: 1," in wb.warnings[0] and "Textzeile 3" in wb.warnings[0]


def test_csv_byte_undefined_in_windows_1252_is_read_as_latin1(tmp_path: Path) -> None:
    path = tmp_path / "undef.csv"
    path.write_bytes(b"a;b\n\xe4\x81;x\n")
    wb = read_workbook(path)
    assert wb.encoding == "cp1252"
    assert wb.sheets[0].rows[1] == ["ä\x81", "x"]
    assert len(wb.warnings) == 1 and "Textzeile 2" in wb.warnings[0]


def test_csv_quote_never_closed_gives_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "quote.csv"
    path.write_text('a;b\n1;"offen\n2;x\n3;y\n', encoding="utf-8")
    wb = read_workbook(path)
    assert wb.sheets[0].rows == [["a", "b"], ["1", "offen\n2;x\n3;y\n"]]
    assert len(wb.warnings) == 1 and "Zeile 2" in wb.warnings[0]
    assert "Anführungszeichen" in wb.warnings[0]


def test_csv_with_100000_rows(tmp_path: Path) -> None:
    path = tmp_path / "gross.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("Nr;Name;Zweck\r\n")
        for i in range(100_000):
            fh.write(f'{i};Name {i};"Zweck\nzweite Zeile {i}"\r\n')
    wb = read_workbook(path)
    rows = wb.sheets[0].rows
    assert len(rows) == 100_001
    assert rows[-1] == ["99999", "Name 99999", "Zweck\nzweite Zeile 99999"]


# --- bad input: not a spreadsheet ----------------------------------------------------------------


def test_text_file_named_xlsx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "tabelle.xlsx"
    path.write_text("Name;Zweck\nA;B\n", encoding="utf-8")
    message = error_of(path)
    assert "keine Tabellendatei" in message and "Text" in message


def test_html_named_xls_is_refused_with_a_hint(tmp_path: Path) -> None:
    path = tmp_path / "export.xls"
    path.write_text(
        "<html><body><table><tr><td>A</td></tr></table></body></html>", encoding="utf-8"
    )
    assert "HTML" in error_of(path)


def test_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "leer.xlsx"
    path.write_bytes(b"")
    assert "leer" in error_of(path)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    assert "nicht gefunden" in error_of(tmp_path / "fehlt.xlsx")
    folder = tmp_path / "ordner.xlsx"
    folder.mkdir()
    assert "nicht lesbar" in error_of(folder)


def test_binary_and_pdf_are_refused(tmp_path: Path) -> None:
    binary = tmp_path / "bild.csv"
    binary.write_bytes(bytes(range(256)) * 4)
    assert "kein lesbares Tabellenformat" in error_of(binary)
    pdf = tmp_path / "dokument.xlsx"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    assert "PDF" in error_of(pdf)


def test_zip_that_is_not_a_spreadsheet(tmp_path: Path) -> None:
    path = tmp_path / "brief.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(
            "[Content_Types].xml",
            '<Types><Override ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            "</Types>",
        )
        zf.writestr("word/document.xml", "<w:document/>")
    assert "ZIP-Archiv" in error_of(path)


def test_xlsb_is_refused_with_a_hint(tmp_path: Path) -> None:
    path = tmp_path / "binär.xlsb"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(
            "[Content_Types].xml",
            '<Types><Override ContentType="application/'
            'vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>',
        )
        zf.writestr("xl/workbook.bin", b"\0\1\2")
    assert ".xlsx" in error_of(path)


def test_old_office_file_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = factory.compound_file(tmp_path / "brief.xls", {"WordDocument": b"\xec\xa5" * 100})
    assert "keine Excel-Arbeitsmappe" in error_of(path)


# --- bad input: damaged ------------------------------------------------------------------------


def test_truncated_xlsx_is_refused(tmp_path: Path) -> None:
    whole = factory.rows_workbook(tmp_path / "ganz.xlsx", 200).read_bytes()
    path = tmp_path / "halb.xlsx"
    path.write_bytes(whole[: len(whole) // 2])
    assert "beschädigt oder unvollständig" in error_of(path)


def test_corrupt_sheet_xml_is_refused(tmp_path: Path) -> None:
    source = factory.layout_workbook(tmp_path / "quelle.xlsx")
    path = tmp_path / "kaputt.xlsx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]
            dst.writestr(info.filename, data)
    assert "beschädigt oder unvollständig" in error_of(path)


def test_flipped_bytes_in_a_member_fail_the_crc(tmp_path: Path) -> None:
    path = tmp_path / "crc.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("[Content_Types].xml", factory._XLSX_CONTENT_TYPES)
        zf.writestr("xl/worksheets/sheet1.xml", "<worksheet>" + "x" * 1000 + "</worksheet>")
    data = bytearray(path.read_bytes())
    at = data.find(b"x" * 1000)
    data[at : at + 3] = b"yyy"
    path.write_bytes(bytes(data))
    assert "CRC" in error_of(path)


def test_truncated_xls_is_refused(office_files: dict[str, Path], tmp_path: Path) -> None:
    whole = office_files["xls"].read_bytes()
    path = tmp_path / "halb.xls"
    path.write_bytes(whole[: len(whole) // 2])
    assert "beschädigt oder unvollständig" in error_of(path)


# --- bad input: password -------------------------------------------------------------------------


def test_password_protected_xlsx_is_refused(tmp_path: Path) -> None:
    message = error_of(factory.encrypted_ooxml(tmp_path / "geheim.xlsx"))
    assert "passwortgeschützt" in message and "ohne Passwort" in message


def test_password_protected_blob_without_valid_structure(tmp_path: Path) -> None:
    assert "passwortgeschützt" in error_of(factory.encrypted_blob(tmp_path / "geheim.xlsx"))


def test_password_protected_legacy_xls_is_refused(tmp_path: Path) -> None:
    assert "passwortgeschützt" in error_of(factory.encrypted_xls(tmp_path / "geheim.xls"))


# --- bad input: zip bombs and limits ------------------------------------------------------------


def test_zip_bomb_is_refused_from_the_central_directory(tmp_path: Path) -> None:
    path = factory.zip_bomb(tmp_path / "bombe.xlsx", 600 * 2**20)
    assert path.stat().st_size < 2 * 2**20
    message = error_of(path)
    assert re.search(r"entpackt 60[01] MB groß \(höchstens 512 MB\)", message)


def test_member_with_extreme_compression_ratio_is_refused(tmp_path: Path) -> None:
    path = factory.zip_bomb(tmp_path / "dicht.xlsx", 20 * 2**20)
    message = error_of(path)
    assert "xl/worksheets/sheet1.xml" in message and "100:1" in message


def test_lying_central_directory_is_caught_while_unpacking(tmp_path: Path) -> None:
    path = factory.lying_zip(tmp_path / "luegt.xlsx", real_bytes=5 * 2**20, claimed_bytes=1000)
    message = error_of(path)
    assert "größer als im ZIP-Verzeichnis angegeben" in message


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = factory.rows_workbook(tmp_path / "daten.xlsx", 50)
    message = error_of(path, limits=Limits(max_file_bytes=1024))
    assert "zu groß" in message


def test_too_many_rows_names_the_sheet(tmp_path: Path) -> None:
    limits = Limits(max_rows=1000)
    xlsx = factory.rows_workbook(tmp_path / "zeilen.xlsx", 1001, sheet="Personalamt")
    message = error_of(xlsx, limits=limits)
    assert "„Personalamt“" in message and "1001" in message and "1000" in message
    assert (
        len(
            read_workbook(factory.rows_workbook(tmp_path / "ok.xlsx", 1000), limits=limits)
            .sheets[0]
            .rows
        )
        == 1000
    )
    csv_path = tmp_path / "zeilen.csv"
    csv_path.write_text("".join(f"{i};x\n" for i in range(1001)), encoding="utf-8")
    assert "„zeilen“" in error_of(csv_path, limits=limits)
    ods = factory.ods_by_hand(tmp_path / "zeilen.ods", factory.ODS_FAR_ROWS)
    assert "„Riesig“" in error_of(ods, limits=limits)


def test_too_many_columns_names_sheet_and_column(tmp_path: Path) -> None:
    path = factory.cells_workbook(
        tmp_path / "breit.xlsx", {"A1": "a", "GS1": "zu weit"}, sheet="Kämmerei"
    )
    message = error_of(path)
    assert "„Kämmerei“" in message and "GS" in message and "200" in message
    csv_path = tmp_path / "breit.csv"
    csv_path.write_text(";" * 200 + "x\n", encoding="utf-8")
    assert "Spalte GS" in error_of(csv_path)


def test_too_many_cells_in_the_workbook(tmp_path: Path) -> None:
    path = factory.rows_workbook(tmp_path / "zellen.xlsx", 100, columns=10)
    assert "mehr als 500 Zellen" in error_of(path, limits=Limits(max_cells=500))


_FAR_CELL_SCRIPT = """
import sys
from ropa_desktop.io.sheets.reader import ImportFileError, read_workbook
try:
    read_workbook(sys.argv[1])
except ImportFileError as exc:
    print("refused:", exc)
else:
    print("read")
"""


def _read_in_subprocess(path: Path) -> str:
    """Read ``path`` in a child process with 2 GiB of address space at most: a sheet that
    slipped past the checks would make the Excel library abort, which must not take the
    test session with it."""
    env = dict(os.environ, PYTHONPATH=str(REPO))
    limit = "import resource; resource.setrlimit(resource.RLIMIT_AS, (2**31, 2**31));"
    result = subprocess.run(
        [sys.executable, "-c", limit + _FAR_CELL_SCRIPT, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_far_corner_cell_is_refused_before_the_grid_is_built(tmp_path: Path) -> None:
    path = factory.cells_workbook(tmp_path / "ecke.xlsx", {"A1": "a", "XFD1048576": "b"})
    out = _read_in_subprocess(path)
    assert out.startswith("refused:") and "1048576" in out


def test_cells_without_references_are_measured_exactly(tmp_path: Path) -> None:
    # cells may leave out r="…"; rows then count on, cells follow one another
    data = (
        '<row><c t="inlineStr"><is><t>a</t></is></c><c><v>1</v></c></row>'
        '<row r="900000"><c><v>2</v></c></row>'
    )
    path = factory.xlsx_by_hand(tmp_path / "ohne_r.xlsx", data)
    out = _read_in_subprocess(path)
    assert out.startswith("refused:") and "900000" in out
    small = factory.xlsx_by_hand(
        tmp_path / "klein.xlsx",
        '<row><c t="inlineStr"><is><t>a</t></is></c><c><v>1</v></c></row><x:c xmlns:x="urn:x"/>',
    )
    assert read_workbook(small).sheets[0].rows == [["a", 1]]


def test_ods_with_a_million_repeated_rows_is_refused_unexpanded(tmp_path: Path) -> None:
    path = factory.ods_by_hand(tmp_path / "wdh.ods", factory.ODS_FAR_ROWS)
    out = _read_in_subprocess(path)
    assert out.startswith("refused:") and "„Riesig“" in out and "1000000" in out


def test_xls_with_rows_over_the_limit_is_refused_before_loading(
    office_files: dict[str, Path],
) -> None:
    message = error_of(office_files["xls"], limits=Limits(max_rows=5))
    assert "„Verzeichnis“" in message and "Zeile 8" in message
    big = office_files["rows_xls"]  # its workbook stream is big enough for regular sectors
    rows = read_workbook(big).sheets[0].rows
    assert len(rows) == 3000 and rows[-1] == ["R3000C1", "R3000C2", "R3000C3", "R3000C4"]
    message = error_of(big, limits=Limits(max_rows=2999))
    assert "„Personalamt“" in message and "Zeile 3000" in message
    assert "Spalte D" in error_of(big, limits=Limits(max_columns=3))


# --- long cells ---------------------------------------------------------------------------------


def test_30000_character_cell_is_read_intact(tmp_path: Path) -> None:
    long_text = ("Verarbeitung personenbezogener Daten; " * 800)[:30_000]
    xlsx = factory.cells_workbook(tmp_path / "lang.xlsx", {"A1": "Kopf", "B2": long_text})
    wb = read_workbook(xlsx)
    assert wb.sheets[0].rows[1][1] == long_text and wb.warnings == []
    csv_path = tmp_path / "lang.csv"
    csv_path.write_text(f'Kopf;Text\nx;"{long_text}"\n', encoding="utf-8")
    assert read_workbook(csv_path).sheets[0].rows[1][1] == long_text


def test_cell_over_the_character_limit_is_cut_with_a_warning(tmp_path: Path) -> None:
    long_text = "x" * 30_000
    limits = Limits(max_cell_chars=1000)
    xlsx = factory.cells_workbook(
        tmp_path / "lang.xlsx", {"A1": "Kopf", "B2": long_text}, sheet="Bürgerbüro"
    )
    wb = read_workbook(xlsx, limits=limits)
    assert wb.sheets[0].rows[1][1] == "x" * 1000
    assert len(wb.warnings) == 1
    warning = wb.warnings[0]
    assert "„Bürgerbüro“" in warning and "B2" in warning and "Zeile 2" in warning
    assert "Spalte B" in warning and "29000 Zeichen wurden abgeschnitten" in warning
    csv_path = tmp_path / "lang.csv"
    csv_path.write_text(f'a;b\nx;"{long_text}"\n', encoding="utf-8")
    wb = read_workbook(csv_path, limits=limits)
    assert wb.sheets[0].rows[1][1] == "x" * 1000 and "B2" in wb.warnings[0]


def test_csv_cell_longer_than_the_csv_module_default_is_cut_not_refused(tmp_path: Path) -> None:
    path = tmp_path / "riesig.csv"
    path.write_text("a;b\nx;" + "y" * 200_000 + "\n", encoding="utf-8")
    wb = read_workbook(path)
    assert len(wb.sheets[0].rows[1][1]) == DEFAULT_LIMITS.max_cell_chars
    assert "100000 Zeichen wurden abgeschnitten" in wb.warnings[0]


# --- language, progress, helpers -------------------------------------------------------------


def test_messages_in_english(tmp_path: Path) -> None:
    set_language("en")
    path = tmp_path / "text.xlsx"
    path.write_text("a;b\n", encoding="utf-8")
    assert "not a spreadsheet (looks like text)" in error_of(path)
    assert "password-protected" in error_of(factory.encrypted_ooxml(tmp_path / "p.xlsx"))
    assert "save it without a password" in error_of(factory.encrypted_ooxml(tmp_path / "p.xlsx"))
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert "the file is empty" in error_of(empty)
    rows = factory.rows_workbook(tmp_path / "rows.xlsx", 11, sheet="Data")
    assert "sheet “Data” has data down to row 11" in error_of(rows, limits=Limits(max_rows=10))
    wb = read_workbook(
        factory.cells_workbook(tmp_path / "c.xlsx", {"C3": "x" * 20}),
        limits=Limits(max_cell_chars=5),
    )
    assert wb.warnings == [
        "sheet “Tabelle1”, cell C3 (row 3, column C): the text has 20 "
        "characters and was cut to 5; 15 characters were cut off."
    ]


class _Recorder:
    def __init__(self, cancel_after: int | None = None) -> None:
        self.steps: list[tuple[int, int, str]] = []
        self.cancel_after = cancel_after

    def step(self, done: int, total: int, message: str = "") -> None:
        self.steps.append((done, total, message))
        if self.cancel_after is not None and len(self.steps) > self.cancel_after:
            raise Cancelled


def test_progress_steps_per_sheet_and_rows(tmp_path: Path) -> None:
    recorder = _Recorder()
    read_workbook(factory.rows_workbook(tmp_path / "p.xlsx", 2500), progress=recorder)
    messages = [m for _, _, m in recorder.steps]
    assert any("„Daten“: 2000 Zeilen" in m for m in messages)
    assert recorder.steps[-1][0] == recorder.steps[-1][1]
    csv_recorder = _Recorder()
    csv_path = tmp_path / "p.csv"
    csv_path.write_text("".join(f"{i};x\n" for i in range(2500)), encoding="utf-8")
    read_workbook(csv_path, progress=csv_recorder)
    assert any("2000 Zeilen" in m for _, _, m in csv_recorder.steps)


def test_cancel_propagates(tmp_path: Path) -> None:
    path = factory.rows_workbook(tmp_path / "p.xlsx", 2500)
    with pytest.raises(Cancelled):
        read_workbook(path, progress=_Recorder(cancel_after=2))
    csv_path = tmp_path / "p.csv"
    csv_path.write_text("".join(f"{i};x\n" for i in range(2500)), encoding="utf-8")
    with pytest.raises(Cancelled):
        read_workbook(csv_path, progress=_Recorder(cancel_after=2))


def test_cell_names() -> None:
    assert [column_letter(c) for c in (0, 25, 26, 51, 52, 701, 702, 16383)] == [
        "A",
        "Z",
        "AA",
        "AZ",
        "BA",
        "ZZ",
        "AAA",
        "XFD",
    ]
    assert cell_ref(6, 1) == "B7"
