"""Direct quotations with who said them and the outlet that carried them.

"“...,” Deputy Foreign Minister Sergei Ryabkov said on Sunday, TASS reported." gives the
quote, speaker "Sergei Ryabkov" and via "TASS". Short scare quotes ("toughest ever") are
not quotations of a person and are skipped.

The speaker comes only from the quotation's own attribution clause ("..., Bush said",
"said Blair", "Power told the Council: ..."), never across a paragraph or past the full
stop that ends the quoted sentence. A pronoun ("he said", "which he said") stands for the
latest named person who is the subject of a sentence outside quotation marks; when there
is none, or the words before the verb name nobody ("and said"), the speaker stays empty:
no speaker is better than a wrong one.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from checks.extract import role_parse
from checks.extract.context import ArticleContext, Found
from checks.patternbook import load_json, pattern

MIN_WORDS = 4
# The attribution ends at a full stop, but not at the stop of "U.S." or "Mr." inside it.
SENTENCE_STOP = re.compile(r"(?<!\b[A-Z])(?<!\bMrs)(?<!\b(?:Mr|Ms|Dr|St))[.!?](?:\s|$)|[“\"]")
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
DESCRIPTION = re.compile(
    r"(?i)^the\s+.*\b(official|minister|spokes\w+|diplomat|envoy|ambassador|"
    r"president|leader|source|statement|ministry)\b"
)
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# A name's token reaches its clause through these links ("Ambassador ... Samantha Power").
NAME_LINKS = {"compound", "appos", "flat", "conj", "pobj", "prep"}
MAX_BARE_WHO = 8  # words before a verb whose subject the parse did not find
LOOKBACK = 1500  # a pronoun is read against the names of the last few paragraphs only

Quoted = list[tuple[int, int]]


def _clean(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" ,.;:-–—")
    return re.sub(r"^(?i:the)\s+(?=[A-Z])", "", name)


def _tokens(ctx: ArticleContext, start: int, end: int) -> list[Token]:
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _inside(quoted: Quoted, start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in quoted)


def _names(ctx: ArticleContext) -> list[Span]:
    """People the text names: PERSON entities, and names the parse finds under a title
    ("US Ambassador to the UN Samantha Power", which the entity tagger may read as an ORG).
    Worked out once per article: every quotation asks."""
    if "quote speakers" not in ctx.memo:
        ctx.memo["quote speakers"] = _find_names(ctx)
    return ctx.memo["quote speakers"]


def _find_names(ctx: ArticleContext) -> list[Span]:
    found = [e for e in ctx.doc.ents if e.label_ == "PERSON"]
    found += [name for name, _ in role_parse.matches(ctx.doc)]
    kept: list[Span] = []
    for span in sorted(found, key=lambda n: n.start_char - n.end_char):  # longest first
        if not any(k.start_char < span.end_char and span.start_char < k.end_char for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda n: n.start_char)


def _names_in(ctx: ArticleContext, start: int, end: int) -> list[Span]:
    return [n for n in _names(ctx) if start <= n.start_char and n.end_char <= end]


def _is_subject(ent: Span) -> bool:
    tok = ent.root
    for _ in range(4):
        if tok.dep_ in SUBJECT_DEPS:
            return True
        if tok.dep_ not in NAME_LINKS or tok.head is tok:
            return False
        tok = tok.head
    return False


def _person_subject_before(ctx: ArticleContext, offset: int, quoted: Quoted) -> str | None:
    """The latest named person who is a sentence's subject before `offset`, outside quotes."""
    for ent in reversed([e for e in _names(ctx) if e.end_char <= offset]):
        if offset - ent.end_char > LOOKBACK:
            return None
        if not _inside(quoted, ent.start_char, ent.end_char) and _is_subject(ent):
            return ent.text
    return None


def _singular_person_pronoun(tokens: list[Token]) -> bool:
    """'he', 'she', 'which he': a pronoun that can stand for one named person."""
    for tok in tokens:
        if tok.pos_ == "PRON" and tok.lower_ in ("he", "she"):
            return True
        if tok.pos_ == "PRON" and "Number=Sing" in str(tok.morph) and "Person=3" in str(tok.morph):
            return "Gender=Neut" not in str(tok.morph)
    return False


def _speaker(ctx: ArticleContext, start: int, end: int, quoted: Quoted) -> dict:
    """The speaker a stretch of attribution names: a person, else an organisation or state,
    else a description; {} when it names nobody (a pronoun with no antecedent, 'and', '-')."""
    text = ctx.text[start:end]
    people = _names_in(ctx, start, end)
    if people:
        return {"speaker": people[-1].text}
    cleaned = _clean(text)
    if not ctx.doc.has_annotation("TAG"):  # a blank pipeline: only a capitalised word names
        return {"speaker": cleaned} if re.search(r"\b[A-Z]", cleaned) else {}
    tokens = [t for t in _tokens(ctx, start, end) if not t.is_punct and not t.is_space]
    if not tokens or not any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in tokens):
        return {}  # "and", "-": words that name nobody
    if tokens[0].pos_ in ("CCONJ", "SCONJ", "ADP"):
        return {}
    nouns = [t for t in tokens if t.pos_ in ("PROPN", "NOUN")]
    if not nouns:
        if not _singular_person_pronoun(tokens):
            return {}
        person = _person_subject_before(ctx, start, quoted)
        return {"speaker": person, "speaker_as_written": _clean(text)} if person else {}
    orgs = ctx.entities_in(start, end, {"ORG", "GPE", "NORP"})
    if DESCRIPTION.match(cleaned) or not orgs:
        return {"speaker": cleaned}
    return {"speaker": _clean(ctx.text[orgs[0].start_char : end]) or orgs[0].text}


def _subject_of_verb(ctx: ArticleContext, verb_at: int, lo: int, hi: int) -> tuple[int, int] | None:
    """The subject phrase of the speech verb at `verb_at` ("..., but emphasized" shares the
    subject of the verb it is joined to) if it lies in [lo, hi); [lo, hi) itself when the
    parse gives no subject and it is short; None when it is a long clause naming no subject."""
    toks = _tokens(ctx, verb_at, verb_at + 1)
    verb = toks[0] if toks else None
    for _ in range(3):
        if verb is None:
            break
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS:
                sub = child.doc[child.left_edge.i : child.right_edge.i + 1]
                if lo <= sub.start_char and sub.end_char <= hi:
                    return sub.start_char, sub.end_char
        verb = verb.head if verb.dep_ == "conj" else None
    return (lo, hi) if len(ctx.text[lo:hi].split()) <= MAX_BARE_WHO else None


def _proper_subject(ctx: ArticleContext, verb_at: int, lo: int, hi: int) -> list[Span]:
    """'- stated ... in April, Gustavo Meza', 'Vassily Nebenzia, Russia's ambassador, said':
    the verb's subject in [lo, hi) when it is a name (of a person or an organisation) the
    entity tagger did not mark as a person; a title ("Envoy") or a state is not one."""
    toks = _tokens(ctx, verb_at, verb_at + 1)
    titles = set(load_json("lexicon.json")["role_nouns"])
    for child in toks[0].children if toks else ():
        if child.dep_ not in SUBJECT_DEPS or child.pos_ != "PROPN":
            continue
        if child.lower_ in titles or child.ent_type_ == "NORP":
            continue
        first = child
        while first.i > 0 and first.nbor(-1).dep_ == "compound" and first.nbor(-1).pos_ == "PROPN":
            first = first.nbor(-1)
        name = child.doc[first.i : child.i + 1]
        if lo <= name.start_char and name.end_char <= hi:
            return [name]
    return []


def _ends_its_sentence(ctx: ArticleContext, quote: str, qe: int) -> bool:
    """'“... will occur.” British Prime Minister ...': the full stop inside the marks ended
    the sentence, so words after the marks are not its attribution."""
    if not quote.rstrip().endswith("."):
        return False
    rest = ctx.text[qe : qe + 3].lstrip(" \t\n")
    return bool(rest) and rest[0].isupper()


def _attribution_after(
    ctx: ArticleContext, quote: str, qe: int, quoted: Quoted
) -> tuple[dict, int]:
    """Speaker and outlet in the words after the closing mark, up to the sentence's end."""
    if _ends_its_sentence(ctx, quote, qe):
        return {}, qe
    window = ctx.text[qe : qe + 300]
    para = PARAGRAPH_BREAK.search(window)
    window = window[: para.start()] if para else window
    stop = SENTENCE_STOP.search(window)
    tail_end = qe + (stop.start() if stop else len(window))
    tail = ctx.text[qe:tail_end]
    info: dict = {}
    end = qe
    quoted_as = pattern("quote", "ATTRIB_QUOTED_AS").regex.search(tail)
    if quoted_as:
        who = _speaker(ctx, qe + quoted_as.start("who"), qe + quoted_as.end("who"), quoted)
        info.update(who)
        info["via"] = _clean(quoted_as["via"])
        return info, qe + quoted_as.end()
    for label in ("ATTRIB_AFTER", "ATTRIB_AFTER_INVERTED"):
        m = pattern("quote", label).regex.search(tail)
        short = m is not None and len(m["who"].split()) <= 12
        if not m or (label == "ATTRIB_AFTER" and not short):
            continue
        if label == "ATTRIB_AFTER":
            verb_at = qe + m.start("verb")
            named = _names_in(ctx, qe + m.start("who"), qe + m.end("who"))
            sub = _subject_of_verb(ctx, verb_at, qe + m.start("who"), qe + m.end("who"))
            named = named[-1:] or (_proper_subject(ctx, verb_at, *sub) if sub else [])
            who = {"speaker": named[0].text} if named else {}
            if not named and sub:
                who = _speaker(ctx, *sub, quoted)
        else:  # "said X", "- stated ... the representative of Peru, Gustavo Meza": first name
            lo = qe + m.start("who")
            verb_at = qe + m.start("verb")
            named = _names_in(ctx, lo, tail_end) or _proper_subject(ctx, verb_at, lo, tail_end)
            who = {"speaker": named[0].text} if named else {}
            if not named and short:
                who = _speaker(ctx, lo, qe + m.end("who"), quoted)
        if who:
            info.update(who)
            end = qe + m.end()
            break
    via = pattern("quote", "ATTRIB_VIA").regex.search(tail)
    if via and via["via2"] and not info.get("speaker"):
        # "according to Ambassador Ruth Okafor" names the speaker; "according to Reuters" the outlet
        named = _names_in(ctx, qe + via.start("via2"), qe + via.end("via2"))
        if named:
            info["speaker"] = named[-1].text
            return info, max(tail_end, qe + via.end())
    if via:
        name = via["via"] or via["via2"] or via["via3"]
        if name and _clean(name) != info.get("speaker"):
            info["via"] = _clean(name)
            end = max(end, qe + via.end())
    if info:
        end = max(end, tail_end)
    return info, end


def _attribution_before(ctx: ArticleContext, qs: int, quoted: Quoted) -> tuple[dict, int]:
    s, _ = ctx.sentence_bounds(qs, qs + 1)
    para = list(PARAGRAPH_BREAK.finditer(ctx.text, s, qs))
    s = para[-1].end() if para else s
    head = ctx.text[s:qs]
    m = pattern("quote", "ATTRIB_BEFORE").regex.search(head)
    if not m:
        return {}, qs
    verb_at = s + m.start("verb")
    # The subject may stand before an earlier quotation in the sentence ("He accused them of
    # “...”, and said ..."): search the whole sentence, but not inside quotation marks.
    sub = _subject_of_verb(ctx, verb_at, s, s + m.end("who"))
    if sub is None or any(a < sub[1] and sub[0] < b for a, b in quoted):
        sub = _subject_of_verb(ctx, verb_at, s + m.start("who"), s + m.end("who"))
    if sub is None:
        return {}, qs
    lo, hi = sub
    named = _names_in(ctx, lo, hi)[-1:] or _proper_subject(ctx, verb_at, lo, hi)
    info = {"speaker": named[0].text} if named else _speaker(ctx, lo, hi, quoted)
    return info, (lo if info else qs)


def _candidates(ctx: ArticleContext) -> list[tuple[str, int, int]]:
    """(quoted words, start, end) of every quotation long enough to be one, first mark wins."""
    found: list[tuple[str, int, int]] = []
    for label in ("QUOTE_DOUBLE", "QUOTE_SINGLE", "QUOTE_UNOPENED"):
        for m in pattern("quote", label).regex.finditer(ctx.text):
            quote = m.groupdict().get("q") or m.groupdict().get("q2") or ""
            qs, qe = m.start(), m.end()
            if label == "QUOTE_UNOPENED":
                qs = m.start("q") + (len(quote) - len(quote.lstrip()))
            if len(quote.split()) < MIN_WORDS or any(a < qe and qs < b for _, a, b in found):
                continue
            found.append((quote, qs, qe))
    return found


def find(ctx: ArticleContext) -> list[Found]:
    found: list[Found] = []
    candidates = _candidates(ctx)
    quoted = [(qs, qe) for _, qs, qe in candidates]
    for quote, qs, qe in candidates:
        info, end = _attribution_after(ctx, quote, qe, quoted)
        start = qs
        if not info.get("speaker"):
            before, start = _attribution_before(ctx, qs, quoted)
            info.update(before)
        value = {
            "speaker": info.get("speaker"),
            "quote": quote.strip().rstrip(",").strip(),
            "via": info.get("via"),
        }
        if info.get("speaker_as_written"):
            value["speaker_as_written"] = info["speaker_as_written"]
        found.append(Found("quote", start, max(end, qe), value, priority=1))
    return found
