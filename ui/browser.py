"""The little the page does in the browser itself: commit a note on leaving, focus a claim.

Both are fixed scripts (no user text goes into them), run with `st.html(...,
unsafe_allow_javascript=True)` in the page.
"""

from __future__ import annotations

import streamlit as st

# A text box commits its value on blur. Reloading or closing the tab with a note still in
# the box never blurs it, so the note would be lost: blur it when the page is being left.
_COMMIT_ON_LEAVE = """
<script>
if (!window.__checksCommitOnLeave) {
  window.__checksCommitOnLeave = true;
  const commit = () => {
    const el = document.activeElement;
    if (el && (el.tagName === "TEXTAREA" || el.tagName === "INPUT")) { el.blur(); }
  };
  window.addEventListener("beforeunload", commit);
  window.addEventListener("pagehide", commit);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") { commit(); }
  });
}
</script>
"""

_FOCUS_FIRST_CLAIM = """
<script>
(() => {
  let tries = 0;
  const go = () => {
    const first = document.querySelector("[class*='st-key-panel-'] summary");
    if (first) { first.scrollIntoView({block: "start"}); first.focus(); }
    else if (tries++ < 40) { setTimeout(go, 100); }
  };
  setTimeout(go, 200);
})();
</script>
"""

# Selected filter chips: dark text on a light tint, full label (the default is white on the
# primary colour, cut short in a narrow column).
_STYLE = """
<style>
.st-key-filters [data-tag] {
  background-color: #e8eef5 !important; color: #1a1a1a !important;
  border: 1px solid #5b6f82 !important; max-width: none !important;
}
.st-key-filters [data-tag] span, .st-key-filters [data-tag] button {
  color: #1a1a1a !important; max-width: none !important;
}
</style>
"""


def page_helpers() -> None:
    st.html(_STYLE)
    st.html(_COMMIT_ON_LEAVE, unsafe_allow_javascript=True)


def focus_first_claim() -> None:
    st.html(_FOCUS_FIRST_CLAIM, unsafe_allow_javascript=True)
