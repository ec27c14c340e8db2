"""The spreadsheet import: from a read workbook to processing activities and a row report.

:mod:`.engine` plans and runs an import; :mod:`.mapping` finds the layout and column mapping
of a sheet, matching header texts against the alias table with :mod:`.headers`;
:mod:`.records` collects the cells of each record; :mod:`.rows` turns records into
activities, reading cell text with :mod:`.cell_text` and completing activities named twice
with :mod:`.merge`; :mod:`.report` is the row report and the plan; :mod:`.own_export` reads
back this application's own Excel export.
"""
