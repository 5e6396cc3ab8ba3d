"""Where a PDF draws the characters of optional content its viewer hides by a membership policy.

Layers may be chosen by a membership dictionary (``/OCMD``: ``/OCGs`` with a policy ``/P`` of ``/AnyOn``,
``/AllOn``, ``/AnyOff`` or ``/AllOff``, or a visibility expression ``/VE`` of ``/And``, ``/Or`` and ``/Not``), and
a form XObject may belong to a layer by the ``/OC`` of its own dictionary. pdfium renders by them, but neither
its text page nor its marks' parameters tell them (a mark's arrays cannot be read): so pdfminer walks the pages'
content, evaluates each membership against the default view (``/OCProperties /D``) and gives the origins of the
characters it hides, which the reader then leaves out of pdfium's text (a group named alone is judged too).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from pdfminer.pdfdevice import PDFTextDevice
from pdfminer.pdffont import PDFFont, PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import PDFObjRef, resolve1
from pdfminer.psparser import PSLiteral
from pdfminer.utils import MATRIX_IDENTITY, Matrix, apply_matrix_pt

from gxparse import deadline
from gxparse.document import LAYERS_UNJUDGED, ReadNote
from gxparse.readers.pdflayers import MAX_LAYERS, OptionalContent

MAX_EXPRESSION_DEPTH = 16    # nesting of a /VE expression evaluated (deeper: taken as shown)
MAX_MEMBERSHIP_PAGES = 60    # pages whose content pdfminer walks (~0.2 s each, within the document's deadline)
ORIGIN_GRID = 0.25           # points: origins are put on this grid; pdfium's is matched to a hidden one a cell off

Origin = tuple[str, int, int]   # a character and its origin on the grid, in the page's user space


@dataclass
class Memberships:
    """What the walk of a PDF's pages found: page index → the characters (and how many at each origin) drawn in
    content the default view hides, and the index of the first page left unjudged by the page bound or the
    deadline (its memberships and those of the pages after it are shown; None: every page judged)."""
    hidden: dict[int, Counter[Origin]] = field(default_factory=dict)
    unjudged_from: int | None = None


def hidden_origins(content: OptionalContent | None) -> Memberships:
    """The characters the default view hides by memberships (none when the file has no layers or cannot tell)."""
    found = Memberships()
    if content is None:
        return found
    view = _View(content.off)
    manager = PDFResourceManager()
    try:
        for index, page in enumerate(PDFPage.create_pages(content.document)):
            if index >= MAX_MEMBERSHIP_PAGES or deadline.seconds_left() <= 0:
                found.unjudged_from = index   # the later pages' memberships are shown
                break
            device = _HiddenChars(manager, view)
            _Interpreter(manager, device).render_contents(page.resources, page.contents, ctm=MATRIX_IDENTITY)
            if device.hidden:
                found.hidden[index] = device.hidden
    except Exception:   # pdfminer raises whatever a damaged file leads it to: the pages left are then all shown
        pass
    return found


def unjudged_note(found: Memberships, pages: int) -> ReadNote | None:
    """The warning naming the pages of a ``pages``-page PDF whose memberships were not judged: a hidden layer's
    text there (a draft, a superseded figure) would be read as the report's."""
    first = found.unjudged_from
    if first is None or first >= pages:
        return None
    where = f"第{first + 1}页" if first + 1 == pages else f"第{first + 1}至{pages}页"
    return ReadNote(LAYERS_UNJUDGED, f"PDF 含图层，其显示条件（成员字典 /OCMD、表单的 /OC）只判断了前{first}页"
                    f"（上限{MAX_MEMBERSHIP_PAGES}页，且在读取时限内）：{where}的文字一律按显示读取，"
                    "其中默认视图隐藏的文字（如有）也已读入", where)


def origin_key(char: str, x: float, y: float) -> Origin:
    return char, round(x / ORIGIN_GRID), round(y / ORIGIN_GRID)


def take_hidden(hidden: Counter[Origin], char: str, x: float, y: float) -> bool:
    """Whether pdfium's ``char`` at (x, y) is one drawn hidden (a grid cell off at most: pdfminer and pdfium
    round apart), counting it off ``hidden``."""
    _, column, row = origin_key(char, x, y)
    for key in ((char, column + dx, row + dy) for dx in (0, -1, 1) for dy in (0, -1, 1)):
        if hidden[key] > 0:
            hidden[key] -= 1
            return True
    return False


class _View:
    """The default view's layers turned off, and the visibility of a membership under it."""

    def __init__(self, off: frozenset[int]) -> None:
        self.off = off

    def hides(self, membership: object) -> bool:
        """Whether an ``/OC`` value (a group or a membership dictionary) is hidden by the default view."""
        if isinstance(membership, PDFObjRef) and membership.objid in self.off:
            return True
        target = resolve1(membership)
        if not isinstance(target, dict) or getattr(target.get("Type"), "name", None) != "OCMD":
            return False
        if (expression := resolve1(target.get("VE"))) is not None:
            return not self._true(expression, 0)
        groups = _ids(target.get("OCGs")) or _ids([target.get("OCGs")])
        if not groups:
            return False
        shown = [g not in self.off for g in groups]
        policy = getattr(resolve1(target.get("P")), "name", "AnyOn")
        visible = {"AllOn": all(shown), "AnyOff": not all(shown), "AllOff": not any(shown)}.get(policy, any(shown))
        return not visible

    def _true(self, expression: object, depth: int) -> bool:
        """A visibility expression's value (a group: whether it is on)."""
        if isinstance(expression, PDFObjRef):
            resolved = resolve1(expression)
            if not isinstance(resolved, list):
                return expression.objid not in self.off
            expression = resolved
        if not isinstance(expression, list) or not expression or depth >= MAX_EXPRESSION_DEPTH:
            return True
        operator = getattr(expression[0], "name", "")
        values = [self._true(e, depth + 1) for e in expression[1:MAX_LAYERS]]
        if operator == "Not":
            return not values[0] if values else True
        return all(values) if operator == "And" else any(values) if operator == "Or" else True


def _ids(value: object) -> list[int]:
    items = resolve1(value)
    if not isinstance(items, list):
        return []
    return [item.objid for item in items[:MAX_LAYERS] if isinstance(item, PDFObjRef)]


class _HiddenChars(PDFTextDevice):
    """Counts the characters drawn while a hiding membership is open."""

    def __init__(self, manager: PDFResourceManager, view: _View) -> None:
        super().__init__(manager)
        self.view = view
        self.open: list[bool] = []   # each open marked content or form: whether it hides
        self.hidden: Counter[Origin] = Counter()

    def begin_tag(self, tag: PSLiteral, props: object = None) -> None:
        self.open.append(tag.name == "OC" and self.view.hides(props))

    def end_tag(self) -> None:
        if self.open:
            self.open.pop()

    def render_char(self, matrix: Matrix, font: PDFFont, fontsize: float, scaling: float, rise: float, cid: int,
                    ncs: object, graphicstate: object) -> float:
        if any(self.open):
            try:
                text = font.to_unichr(cid)
            except PDFUnicodeNotDefined:   # not matched to pdfium's character: left shown
                text = ""
            if len(text) == 1:
                self.hidden[origin_key(text, *apply_matrix_pt(matrix, (0, rise)))] += 1
        return font.char_width(cid) * fontsize * scaling


class _Interpreter(PDFPageInterpreter):
    """pdfminer's interpreter with a marked content's named property list resolved and a form's ``/OC``
    opened as a marked content of its own."""

    def init_resources(self, resources: dict[object, object]) -> None:
        super().init_resources(resources)
        self.properties = resolve1((resources or {}).get("Properties")) or {}

    def do_BDC(self, tag: object, props: object) -> None:
        if isinstance(props, PSLiteral) and isinstance(self.properties, dict):
            props = self.properties.get(props.name)
        super().do_BDC(tag, props)

    def do_Do(self, xobjid_arg: object) -> None:
        form = resolve1(self.xobjmap.get(getattr(xobjid_arg, "name", None)))
        membership = getattr(form, "attrs", {}).get("OC")
        self.device.begin_tag(_OC, membership)
        try:
            super().do_Do(xobjid_arg)
        finally:
            self.device.end_tag()


_OC = PSLiteral("OC")
