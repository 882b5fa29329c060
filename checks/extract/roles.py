"""People's titles ("Deputy Foreign Minister Sergei Ryabkov", "Iran's Ambassador to Moscow Kazem
Jalali") and states' roles in a text ("drafted by France and Tunisia", "its President for March
(China)")."""

from __future__ import annotations

import re

from checks import countries
from checks.extract import role_parse
from checks.extract.context import ArticleContext, Found
from checks.patternbook import load_json, patterns

MAX_TITLE_TOKENS = 8
UN_PREFIX = re.compile(r"(?:U\.N\.|UN|United Nations)\s+")


def _title_tokens(ctx: ArticleContext, person, before: int | None = None) -> list:
    """The run of title words just before a PERSON entity (or before token `before`)."""
    lex = load_json("lexicon.json")
    nouns, modifiers = set(lex["role_nouns"]), set(lex["role_modifiers"])
    doc = ctx.doc
    run = []
    i = (person.start if before is None else before) - 1
    while i >= 0 and len(run) < MAX_TITLE_TOKENS:
        tok = doc[i]
        low = tok.lower_
        titled = low in nouns or low in modifiers or tok.ent_type_ in {"GPE", "NORP", "ORG"}
        if not titled or (tok.is_sent_start and low in {"the", "and", "to", "of"}):
            break
        run.insert(0, tok)
        i -= 1
    while run and (
        run[0].is_punct or run[0].lower_ in {"the", "and", "to", "of", "for", "’s", "'s"}
    ):
        run.pop(0)
    if not any(t.lower_ in nouns for t in run):
        return []
    return run


def _appositive(ctx: ArticleContext, person) -> list:
    """ "Sergei Ryabkov, Russia's deputy foreign minister," -> the tokens between the commas."""
    lex = load_json("lexicon.json")
    nouns = set(lex["role_nouns"])
    doc = ctx.doc
    if person.end >= len(doc) or doc[person.end].text != ",":
        return []
    run = []
    for tok in doc[person.end + 1 : person.end + 1 + MAX_TITLE_TOKENS]:
        if tok.text in {",", ".", ";"}:
            break
        run.append(tok)
    closed = run and run[-1].i + 1 < len(doc) and doc[run[-1].i + 1].text in {",", "."}
    if closed and any(t.lower_ in nouns for t in run) and not any(t.pos_ == "VERB" for t in run):
        return run
    return []


def _title_before_comma(ctx: ArticleContext, person) -> list:
    """ "Russia's deputy ambassador, Dmitry Polyanskiy, said": a title, a comma, then the name
    set off by a second comma."""
    doc = ctx.doc
    if person.start < 2 or doc[person.start - 1].text != ",":
        return []
    if person.end >= len(doc) or doc[person.end].text not in {",", "."}:
        return []
    return _title_tokens(ctx, person, before=person.start - 1)


def _describe(tokens) -> tuple[str, str | None]:
    """Split a title into the role and the state it is of ("US President" -> President, US;
    "Permanent Representative of the United Kingdom to the UN" -> Permanent Representative
    to the UN, United Kingdom)."""
    of = None
    words: list[str] = []
    tokens = list(tokens)
    while tokens and tokens[0].lower_ in {"the", "a", "an"}:
        tokens.pop(0)  # "the Soviet representative": the article is no part of the title
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        # a state may take several tokens ("United Kingdom"): read the whole entity
        j = i + 1
        if tok.ent_type_ in {"GPE", "NORP"}:
            while j < len(tokens) and tokens[j].ent_iob_ == "I" and tokens[j].ent_type_:
                j += 1
        name = " ".join(t.text for t in tokens[i:j] if t.lower_ != "the")
        # "Chinese Foreign Ministry spokesperson": the small model may tag "Chinese" as part of
        # an ORG, so a known demonym or state name counts whatever its entity label.
        stateish = tok.ent_type_ in {"GPE", "NORP"} or countries.is_known(tok.text)
        if stateish and of is None and name[:1].isupper():
            of = countries.from_demonym(name) or countries.canonical(name)
            before = words[-1].strip().lower() if words else ""
            if tok.ent_type_ == "GPE" and before == "to":
                words.append(name + " ")  # "Ambassador to Moscow": the place is part of the role
            elif before in {"of", "the"}:
                # "Representative of China to the UN": the state leaves the role
                while words and words[-1].strip().lower() in {"of", "the"}:
                    words.pop()
            i = j
            continue
        i += 1
        if tok.text in {"’s", "'s"}:
            continue
        words.append(tok.text_with_ws if tok.text != "-" else "-")
    role = re.sub(
        r"\s+", " ", "".join(w if w.endswith(" ") or w == "-" else w + " " for w in words)
    )
    role = re.sub(r"\s*-\s*", "-", role).strip()
    un = UN_PREFIX.match(role)
    if un and of is None and role[un.end() :]:
        role, of = role[un.end() :], "United Nations"  # "U.N. Secretary-General"
    return role, of


def _people(ctx: ArticleContext) -> list:
    """PERSON entities, plus names the small model missed right after a title
    ("Ambassador to Moscow Kazem Jalali": a run of proper nouns after a role word)."""
    lex = load_json("lexicon.json")
    nouns, modifiers = set(lex["role_nouns"]), set(lex["role_modifiers"])
    doc = ctx.doc
    people = [e for e in doc.ents if e.label_ == "PERSON" and len(e) <= 5]
    covered = {i for e in people for i in range(e.start, e.end)}
    for tok in doc:
        if tok.lower_ not in nouns or not tok.text[:1].isupper():
            continue
        j = tok.i + 1
        while j < len(doc) and (doc[j].lower_ in modifiers or doc[j].ent_type_ == "GPE"):
            if doc[j].lower_ in {"to", "of"} and j + 1 < len(doc) and doc[j + 1].ent_type_ == "GPE":
                j += 2
                continue
            if doc[j].lower_ in {"to", "of", "for", "and", "the"}:
                break
            j += 1
        k = j
        while k < len(doc) and k - j < 3 and doc[k].pos_ == "PROPN" and doc[k].text.istitle():
            if (
                doc[k].lower_ in nouns
                or doc[k].lower_ in modifiers
                or doc[k].ent_type_ in {"GPE", "ORG"}
            ):
                break
            k += 1
        if k - j >= 2 and not covered & set(range(j, k)):
            people.append(doc[j:k])
            covered |= set(range(j, k))
    people += _names_after_title_comma(ctx, covered)
    return people


def _names_after_title_comma(ctx: ArticleContext, covered: set[int]) -> list:
    """ "The Russian envoy to the UN, Vassily Nebenzia, said": a name set off by commas after
    a title, which the small model often labels ORG or misses."""
    doc = ctx.doc
    out = []
    for tok in doc:
        if tok.text != "," or tok.i < 2:
            continue
        k = tok.i + 1
        while k < len(doc) and k - tok.i <= 3 and doc[k].pos_ == "PROPN" and doc[k].is_title:
            k += 1
        if not (2 <= k - tok.i - 1 <= 3 and k < len(doc) and doc[k].text in {",", "."}):
            continue
        span = doc[tok.i + 1 : k]
        if covered & set(range(span.start, span.end)) or span[0].ent_type_ in {"GPE", "NORP"}:
            continue
        if _title_tokens(ctx, span, before=tok.i):
            out.append(span)
            covered |= set(range(span.start, span.end))
    return out


def _parsed(ctx: ArticleContext, found: list[Found]) -> list[Found]:
    """Titles the parse links to a name (`role_parse`), for people the entity-based readers
    above missed."""
    if not ctx.statistical:
        return []
    out: list[Found] = []
    taken = {c for f in found for c in range(f.start, f.end)}
    for name, words in role_parse.matches(ctx.doc):
        if name.start_char in taken or name.end_char - 1 in taken:
            continue
        role, of = _describe(words)
        if not role or not any(t.lower_ in _nouns() for t in words):
            continue
        start = min(words[0].idx, name.start_char)
        last = words[-1] if words[-1].i > name.end - 1 else name[-1]
        value = {"person": name.text, "role": role, "of": of}
        out.append(Found("role", start, last.idx + len(last), value, 1))
        taken.update(range(start, last.idx + len(last)))
    return out


def _nouns() -> set[str]:
    return set(load_json("lexicon.json")["role_nouns"])


def find(ctx: ArticleContext) -> list[Found]:
    found: list[Found] = []
    for ent in _people(ctx):
        tokens = _title_tokens(ctx, ent)
        if tokens:
            role, of = _describe(tokens)
            value = {"person": ent.text, "role": role, "of": of}
            found.append(Found("role", tokens[0].idx, ent.end_char, value, 1))
            continue
        tokens = _title_before_comma(ctx, ent)
        if tokens:
            role, of = _describe(tokens)
            value = {"person": ent.text, "role": role, "of": of}
            found.append(Found("role", tokens[0].idx, ent.end_char, value, 1))
            continue
        tokens = _appositive(ctx, ent)
        if tokens:
            role, of = _describe(tokens)
            value = {"person": ent.text, "role": role, "of": of}
            last = tokens[-1]
            found.append(Found("role", ent.start_char, last.idx + len(last), value, 1))
    found += _parsed(ctx, found)
    for p in patterns("role"):
        for m in ctx.finditer(p):
            states = [countries.canonical(n) for n in countries.split_names(m["who"])]
            states = [s for s in states if s and s[0].isupper()]
            if not states:
                continue
            if p.label == "ROLE_COUNCIL_PRESIDENT":
                value = {
                    "person": states[0],
                    "role": "President of the Security Council",
                    "of": m["month"] + (f" {m['y']}" if m["y"] else ""),
                }
            else:
                act = re.sub(r"\s+", " ", m["act"].lower())
                role = "drafter" if act in {"drafted", "penned", "authored"} else "sponsor"
                value = {"person": ", ".join(states), "role": role, "of": None, "members": states}
            found.append(Found("role", m.start(), m.end(), value, 1))
    return found
