"""Cross-checks: contradictions between reports, verdicts against reference records, article credibility."""
