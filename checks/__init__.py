"""Fact-checking workbench: claim extraction, public sources, verdicts, reviews and reports.

Nothing here imports Streamlit; `app.py` is the only UI module.
"""

__version__ = "0.1.0"
