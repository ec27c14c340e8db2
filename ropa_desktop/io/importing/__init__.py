"""The spreadsheet import: from a read workbook to processing activities and a row report.

:mod:`.engine` plans and runs an import; :mod:`.mapping` finds the layout and column mapping
of a sheet; :mod:`.rows` turns data rows into activities; :mod:`.report` is the row report and
the plan; :mod:`.own_export` reads back this application's own Excel export.
"""
