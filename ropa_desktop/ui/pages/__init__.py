"""The register pages beside the activities: organisation, findings, history, transfers."""
