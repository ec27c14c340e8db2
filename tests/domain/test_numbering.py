"""Continuing an organisation's reference-number scheme."""

from __future__ import annotations

from ropa_desktop.domain.numbering import detect_scheme, next_references


def test_no_references_starts_the_default_scheme() -> None:
    assert next_references([], 3) == ["VT-001", "VT-002", "VT-003"]
    assert next_references(["", "Personalakte"], 1) == ["VT-001"]


def test_continues_after_the_highest_number_with_its_padding() -> None:
    assert next_references(["VT-003", "VT-012", "VT-001"], 2) == ["VT-013", "VT-014"]


def test_most_used_prefix_wins_and_unpadded_numbers_stay_unpadded() -> None:
    existing = ["A1", "A2", "A9", "VVT 2024/07"]
    assert detect_scheme(existing).prefix == "A"
    assert next_references(existing, 2) == ["A10", "A11"]


def test_never_repeats_a_reference_in_use() -> None:
    # "VT-3" and "VT-003" are different strings; padding follows the widest padded one.
    assert next_references(["VT-002", "VT-3"], 1) == ["VT-004"]
    assert next_references(["VT-002", "VT-003 "], 1) == ["VT-004"]
