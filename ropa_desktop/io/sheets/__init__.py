"""Reading any spreadsheet safely: the format is told by content, every input is bounded.

:mod:`.reader` is the entry point (:func:`~.reader.read_workbook`); :mod:`.types` holds the
shared types, limits and messages; :mod:`.cells` the cell budget and sheet building;
:mod:`.zip` (xlsx, xlsm, ods), :mod:`.ole` (xls) and :mod:`.csv` the format-specific checks
and readers. Nothing here knows about processing activities.
"""
