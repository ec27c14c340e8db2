"""The yearly review with the departments in the window: sending questionnaires
(:mod:`.send_dialog`) and reviewing a returned one field by field (:mod:`.review_dialog`)."""
