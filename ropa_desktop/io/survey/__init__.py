"""The yearly review with the departments: questionnaires out as workbooks, answers back.

:mod:`.sending` writes one workbook per department (:mod:`.workbook`, items in
:mod:`.fields`, hidden identifiers in :mod:`.identifiers`); :mod:`.reading` reads a returned
one and :mod:`.review` compares it with the register and takes over what the DPO accepts.
"""
