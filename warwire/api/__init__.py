"""REST API and dashboard server (FastAPI)."""
