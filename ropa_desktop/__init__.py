"""ropa-desktop: the record of processing activities (Art. 30 GDPR) for German public bodies."""

__version__ = "0.1.0"
