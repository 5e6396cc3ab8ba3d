"""Runs a Word document hides through its styles: a character style (``w:rStyle``) or a paragraph style
(``w:pStyle``) whose run properties, or those of a style it is based on (``w:basedOn``), set ``w:vanish`` or
``w:specVanish``. Such runs are marked hidden in their own properties, as a run hidden directly is, so the reader
asks one question of every run.

Precedence as Word applies it: the run's own setting, then its character style's, then its paragraph style's
(a style that says nothing inherits from the style it is based on; a paragraph without a style of its own has
the document's default paragraph style, ``w:default="1"``), then the document's default run properties
(``w:docDefaults/w:rPrDefault``): a document may hide all its text by default and show it run by run.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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
_TYPE, _DEFAULT = f"{{{_W}}}type", f"{{{_W}}}default"
_RPR_DEFAULT = f"{{{_W}}}docDefaults/{{{_W}}}rPrDefault/{{{_W}}}rPr"


@dataclass
class Hiding:
    """What a document's styles say of hiding: each style that says (itself or through the styles it is based
    on), the style of paragraphs without one, and the document's default."""

    styles: dict[str, bool] = field(default_factory=dict)
    default_paragraph: str | None = None
    default: bool = False

    def hides_any(self) -> bool:
        return self.default or any(self.styles.values())


def hidden_flag(rpr: etree._Element | None) -> bool | None:
    """What run properties say of hiding: hidden, shown (a flag switched off), or nothing."""
    flags = [flag for tag in _FLAGS for flag in (rpr.iterfind(tag) if rpr is not None else ())]
    return any(flag.get(_VAL, "true") not in _OFF for flag in flags) if flags else None


def hiding_styles(part: Part) -> Hiding:
    """What the document's styles part says of hiding (``Hiding``)."""
    try:
        styles = part.part_related_by(RELATIONSHIP_TYPE.STYLES)
    except KeyError:
        return Hiding()
    root = getattr(styles, "element", None)   # a styles part python-docx could not read as XML is no styles
    if root is None:
        return Hiding()
    default_paragraph = next((style.get(_STYLE_ID) for style in root.iterchildren(_STYLE)
                              if style.get(_TYPE) == "paragraph" and style.get(_DEFAULT) in ("1", "true", "on")), None)
    return Hiding(_styles_hiding(root), default_paragraph, bool(hidden_flag(root.find(_RPR_DEFAULT))))


def _styles_hiding(root: etree._Element) -> dict[str, bool]:
    """Every style that says whether it hides its text, itself or through the styles it is based on (a chain
    followed at most once round: a loop says nothing)."""
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


def mark_hidden_runs(root: etree._Element, styles: Hiding) -> None:
    """Give every run its styles or the document's default hide a ``w:vanish`` of its own."""
    if not styles.hides_any():
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


def _styled_hidden(run: etree._Element, styles: Hiding) -> bool:
    """Whether the run's character style hides it, or, where that says nothing, its paragraph's style (the
    nearest paragraph: a text box's paragraphs stand inside the paragraph anchoring it), or, where neither
    says, the document's default."""
    character = run.find(_R_STYLE)
    hidden = styles.styles.get(character.get(_VAL, "")) if character is not None else None
    if hidden is None:
        p = next(run.iterancestors(_P), None)
        style = p.find(_P_STYLE) if p is not None else None
        name = style.get(_VAL, "") if style is not None else styles.default_paragraph
        hidden = styles.styles.get(name) if name is not None else None
    return styles.default if hidden is None else hidden
