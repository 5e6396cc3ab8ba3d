"""Runs a Word document hides through its styles: a character style (``w:rStyle``) or a paragraph style
(``w:pStyle``) whose run properties, or those of a style it is based on (``w:basedOn``), set ``w:vanish`` or
``w:specVanish``. Such runs are marked hidden in their own properties, as a run hidden directly is, so the reader
asks one question of every run.

Precedence as Word applies it: the run's own setting, then its character style's, then its paragraph style's
(a style that says nothing inherits from the style it is based on).
"""

from __future__ import annotations

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.part import Part
from lxml import etree

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_VAL, _STYLE_ID = f"{{{_W}}}val", f"{{{_W}}}styleId"
_R, _P, _RPR = (f"{{{_W}}}{t}" for t in ("r", "p", "rPr"))
_FLAGS = tuple(f"{{{_W}}}{t}" for t in ("vanish", "specVanish"))
_OFF = ("0", "false", "off")
_R_STYLE, _P_STYLE = f"{{{_W}}}rPr/{{{_W}}}rStyle", f"{{{_W}}}pPr/{{{_W}}}pStyle"
_BASED_ON, _STYLE = f"{{{_W}}}basedOn", f"{{{_W}}}style"


def hidden_flag(rpr: etree._Element | None) -> bool | None:
    """What run properties say of hiding: hidden, shown (a flag switched off), or nothing."""
    flags = [flag for tag in _FLAGS for flag in (rpr.iterfind(tag) if rpr is not None else ())]
    return any(flag.get(_VAL, "true") not in _OFF for flag in flags) if flags else None


def hiding_styles(part: Part) -> dict[str, bool]:
    """Every style of the document's styles part that says whether it hides its text, itself or through the
    styles it is based on (a chain followed at most once round: a loop says nothing)."""
    try:
        styles = part.part_related_by(RELATIONSHIP_TYPE.STYLES)
    except KeyError:
        return {}
    root = getattr(styles, "element", None)   # a styles part python-docx could not read as XML is no styles
    if root is None:
        return {}
    own: dict[str, bool | None] = {}
    based_on: dict[str, str] = {}
    for style in root.iterchildren(_STYLE):
        name = style.get(_STYLE_ID)
        if name is None:
            continue
        own[name] = hidden_flag(style.find(_RPR))
        parent = style.find(_BASED_ON)
        if parent is not None and parent.get(_VAL):
            based_on[name] = parent.get(_VAL)
    resolved: dict[str, bool | None] = {}
    for name in own:   # each style's chain walked once: every style on it is resolved with it
        path: dict[str, None] = {}   # in order, and asked in constant time
        at: str | None = name
        while at in own and at not in resolved and own[at] is None and at not in path:
            path[at] = None
            at = based_on.get(at)
        answer = resolved.get(at) if at in resolved else own.get(at) if at not in path else None
        for step in [*path, *([at] if at in own and at not in resolved else [])]:
            resolved[step] = answer if own[step] is None else own[step]
    return {name: said for name, said in resolved.items() if said is not None}


def mark_hidden_runs(root: etree._Element, styles: dict[str, bool]) -> None:
    """Give every run its styles hide a ``w:vanish`` of its own."""
    if not any(styles.values()):
        return
    for run in list(root.iter(_R)):
        rpr = run.find(_RPR)
        if hidden_flag(rpr) is not None:
            continue
        if _styled_hidden(run, styles):
            if rpr is None:
                rpr = etree.SubElement(run, _RPR)
                run.insert(0, rpr)
            etree.SubElement(rpr, f"{{{_W}}}vanish")


def _styled_hidden(run: etree._Element, styles: dict[str, bool]) -> bool:
    """Whether the run's character style hides it, or, where that says nothing, its paragraph's style (the
    nearest paragraph: a text box's paragraphs stand inside the paragraph anchoring it)."""
    character = run.find(_R_STYLE)
    hidden = styles.get(character.get(_VAL, "")) if character is not None else None
    if hidden is None:
        p = next(run.iterancestors(_P), None)
        style = p.find(_P_STYLE) if p is not None else None
        hidden = styles.get(style.get(_VAL, "")) if style is not None else None
    return bool(hidden)
