"""The local web page and JSON API (`cv-translator serve`); needs the `web` extra (FastAPI, uvicorn)."""
