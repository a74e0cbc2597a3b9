"""Runs a stage over many articles: in this process, a local pool of worker processes, or a Dask cluster."""
