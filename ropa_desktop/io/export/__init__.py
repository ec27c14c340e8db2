"""Exports of the register: an Excel workbook and a PDF, written atomically.

:mod:`.common` holds what both share; :mod:`.xlsx` writes the workbook whose sheets and
columns :mod:`.xlsx_layout` defines; :mod:`.pdf` writes the PDF from the content of
:mod:`.pdf_content` in the page layout and styles of :mod:`.pdf_layout`.
"""
