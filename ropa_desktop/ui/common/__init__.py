"""Pieces every part of the interface shares: tables, models, prompts, settings, tasks."""
