"""Streamlit layout of the workbench: widgets only; the logic lives in `checks.workbench`."""
