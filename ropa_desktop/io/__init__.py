"""Files in and out of the register, never Qt.

* :mod:`.sheets` reads any spreadsheet (xlsx, xlsm, ods, xls, csv) safely, within limits.
* :mod:`.importing` turns such spreadsheets into processing activities.
* :mod:`.export` writes the register as an Excel workbook or a PDF.
* :mod:`.json_register` is the JSON interchange format, :mod:`.files` the atomic writes and
  the checked reading of user JSON files, :mod:`.templates` the wizard's cases,
  :mod:`.name_matching` the name matching import and templates share, :mod:`.demo` the demo
  register.

Importers import from the module, not from the packages.
"""
