"""The activities page: the list of processing activities beside the activity editor."""
