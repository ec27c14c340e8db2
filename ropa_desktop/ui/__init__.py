"""ropa-desktop."""
