"""The PySide6 desktop interface; the only package that imports Qt.

``app.main`` starts it; :class:`session.Session` is the one object the windows
share (the open database, the organisation being worked on, cached records).
"""
