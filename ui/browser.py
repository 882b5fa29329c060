"""The little the page does in the browser itself: keep a note being typed, focus a claim.

Both are fixed scripts (no user text goes into them), run with `st.html(...,
unsafe_allow_javascript=True)` in the page.
"""

from __future__ import annotations

import streamlit as st

# A text box commits its value on blur. Reloading or closing the tab with a note still in
# the box never blurs it, so the note could be lost. Two guards: the box is blurred when the
# page is being left (its value is sent as the page goes), and every keystroke in a note is
# kept as a draft in this browser's localStorage; when that note's box is next drawn with a
# different value, the draft is put back and committed (drafts older than a day are dropped;
# a draft is forgotten when a freshly drawn box already shows it).
_COMMIT_ON_LEAVE = """
<script>
if (!window.__checksNotes) {
  window.__checksNotes = true;
  const KEY = "checks-note-drafts", DAY = 86400000;
  const load = () => { try { return JSON.parse(localStorage.getItem(KEY) || "{}"); }
                       catch (e) { return {}; } };
  const store = (d) => { try { localStorage.setItem(KEY, JSON.stringify(d)); } catch (e) {} };
  const isNote = (el) =>
    el && el.tagName === "TEXTAREA" && el.getAttribute("aria-label") === "Note";
  const panelOf = (el) => {
    const p = el.closest("[class*='st-key-panel-']");
    return p ? [...p.classList].find((c) => c.startsWith("st-key-panel-")) : null;
  };
  const commit = () => {
    const el = document.activeElement;
    if (el && (el.tagName === "TEXTAREA" || el.tagName === "INPUT")) { el.blur(); }
  };
  window.addEventListener("beforeunload", commit);
  window.addEventListener("pagehide", commit);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") { commit(); }
  });
  document.addEventListener("input", (ev) => {
    const el = ev.target, key = isNote(el) && panelOf(el);
    if (!key) { return; }
    const drafts = load(); drafts[key] = {v: el.value, t: Date.now()}; store(drafts);
  }, true);
  const seen = new WeakSet();  // each box is judged once, when first drawn
  const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value").set;
  const scan = () => {
    const drafts = load();
    let changed = false;
    document.querySelectorAll("textarea[aria-label='Note']").forEach((el) => {
      if (seen.has(el)) { return; }
      seen.add(el);
      const key = panelOf(el), draft = key && drafts[key];
      if (!draft) { return; }
      if (Date.now() - draft.t > DAY || el.value === draft.v) {  // old, or saved: forget it
        delete drafts[key]; changed = true; return;
      }
      setValue.call(el, draft.v);  // typed here but never saved: put it back and save it
      el.dispatchEvent(new Event("input", {bubbles: true}));
      el.focus(); el.blur();
    });
    if (changed) { store(drafts); }
  };
  new MutationObserver(scan).observe(document.body, {childList: true, subtree: true});
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
