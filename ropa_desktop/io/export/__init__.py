"""Exports of the register: an Excel workbook and a PDF, written atomically.

:mod:`.common` holds what both share; :mod:`.xlsx` writes the workbook whose sheets and
columns :mod:`.xlsx_layout` defines, with the rows :mod:`.xlsx_content` builds as plain
values; :mod:`.pdf` writes the PDF from the content of :mod:`.pdf_content`, set with the
fonts, styles, paragraphs and tables of :mod:`.pdf_layout` in the two-pass document template
of :mod:`.pdf_document`.
"""
