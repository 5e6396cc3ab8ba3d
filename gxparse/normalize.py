"""Text normalisation shared by every reader: the same function runs on documents and on template labels.

NFKC alone is not enough for text taken from PDF layers:
- the CJK Radicals Supplement (U+2E80–U+2EF3) is almost entirely left alone by NFKC (⺠ ⻔ ⻅ stay);
- several Kangxi radicals (U+2F00–U+2FD5) are mapped by NFKC to a traditional or variant form
  (⼾ → 戶, ⾨ → 門), while the glyph in a simplified-Chinese report stands for the simplified character.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager

# CJK Radicals Supplement characters seen in PDF text layers, with the ideograph they stand for.
RADICALS_SUPPLEMENT = {
    "⺁": "厂", "⺅": "亻", "⺇": "几", "⺈": "刀", "⺊": "卜", "⺋": "㔾", "⺌": "小", "⺍": "小",
    "⺎": "兀", "⺏": "尣", "⺐": "尢", "⺑": "𡯂", "⺒": "巳", "⺓": "幺", "⺔": "彑", "⺖": "忄",
    "⺗": "心", "⺘": "扌", "⺙": "攵", "⺛": "旡", "⺜": "日", "⺝": "月", "⺞": "歺", "⺟": "母",
    "⺠": "民", "⺡": "氵", "⺢": "氺", "⺣": "灬", "⺤": "爫", "⺥": "爫", "⺦": "丬", "⺧": "牛",
    "⺨": "犭", "⺩": "王", "⺪": "疋", "⺫": "目", "⺬": "示", "⺭": "礻", "⺮": "竹", "⺯": "糸",
    "⺰": "纟", "⺱": "罓", "⺲": "罒", "⺳": "网", "⺴": "网", "⺵": "网", "⺶": "羊", "⺷": "羊",
    "⺸": "羊", "⺹": "耂", "⺺": "聿", "⺻": "聿", "⺼": "肉", "⺽": "臼", "⺾": "艹", "⺿": "艹",
    "⻀": "艹", "⻁": "虎", "⻂": "衤", "⻃": "西", "⻄": "西", "⻅": "见", "⻆": "角", "⻇": "角",
    "⻈": "讠", "⻉": "贝", "⻊": "足", "⻋": "车", "⻌": "辶", "⻍": "辶", "⻎": "辶", "⻏": "阝",
    "⻐": "钅", "⻑": "長", "⻒": "镸", "⻓": "长", "⻔": "门", "⻕": "阝", "⻖": "阝", "⻗": "雨",
    "⻘": "青", "⻙": "韦", "⻚": "页", "⻛": "风", "⻜": "飞", "⻝": "食", "⻞": "食", "⻟": "食",
    "⻠": "饣", "⻡": "首", "⻢": "马", "⻣": "骨", "⻤": "鬼", "⻥": "鱼", "⻦": "鸟", "⻧": "卤",
    "⻨": "麦", "⻩": "黄", "⻪": "黾", "⻫": "斉", "⻬": "齐", "⻭": "歯", "⻮": "齿", "⻯": "竜",
    "⻰": "龙", "⻱": "龜", "⻲": "亀", "⻳": "龟",
}

# Kangxi radicals whose NFKC form is traditional; in a simplified report the glyph means these.
KANGXI_SIMPLIFIED = {
    "⼾": "户", "⾒": "见", "⾙": "贝", "⾞": "车", "⾧": "长", "⾨": "门", "⾭": "青", "⾱": "韦",
    "⾴": "页", "⾵": "风", "⾶": "飞", "⾺": "马", "⾾": "斗", "⿂": "鱼", "⿃": "鸟", "⿄": "卤",
    "⿆": "麦", "⿈": "黄", "⿌": "黾", "⿑": "齐", "⿒": "齿", "⿓": "龙", "⿔": "龟",
}

# Traditional characters of the template's words, the sections' headings and agencies' names, outside GB2312
# (no simplified text writes them): a page a 简繁 proxy converted to 繁體 (總計, 機構, 屬於, 縣) reads as its
# simplified original. A character simplified text writes too (著, 乾, 於) is not in the list.
TRADITIONAL_SIMPLIFIED = dict(zip(
    "萬業東豐臨爲舉義烏鄉書雲倉儀會體儲蘭關興內農決況減辦務動區醫單衛廠廳縣發臺號員國圖場壯處復學寧寶審對爾屬歲嶺廣慶廢開強當"
    "態總執揚護報據數無機權條構氣漢湯沒滬澤濟溫灣濱灘濰環現瓊電療鹽監礦確祕穩類粵糧糾納線組織紹經結統繼續維編繳網罰聯蘇範荊藥"
    "萊獲營補規計認議許訟設訪訴話詢說請購貴費贛轉輸遼達遷過運這進遠連郵鄭採鐵錫鎮長門問閩陽陰陸隴陝項題額館魯黃齊龍",
    "万业东丰临为举义乌乡书云仓仪会体储兰关兴内农决况减办务动区医单卫厂厅县发台号员国图场壮处复学宁宝审对尔属岁岭广庆废开强当"
    "态总执扬护报据数无机权条构气汉汤没沪泽济温湾滨滩潍环现琼电疗盐监矿确秘稳类粤粮纠纳线组织绍经结统继续维编缴网罚联苏范荆药"
    "莱获营补规计认议许讼设访诉话询说请购贵费赣转输辽达迁过运这进远连邮郑采铁锡镇长门问闽阳阴陆陇陕项题额馆鲁黄齐龙", strict=True))

_REPLACEMENTS = ({**RADICALS_SUPPLEMENT, **KANGXI_SIMPLIFIED, **TRADITIONAL_SIMPLIFIED,
                            # Typographic quotes and dashes collapse to one form each for matching.
                            "“": '"', "”": '"', "‘": "'", "’": "'", "〝": '"', "〞": '"',
                            "\u00a0": " ", "\u3000": " ", "\u200b": "", "\ufeff": "",
                            "\u2002": " ", "\u2003": " ", "\u2009": " ",
                            # the minus sign (Word's and typesetters' −8 in a 本年增/减 cell) is a hyphen-minus
                            "\u2212": "-"})

# A regex substitution costs only per replaced character; str.translate with a large table costs per character
_REPLACEABLE = re.compile("[" + "".join(sorted(re.escape(c) for c in _REPLACEMENTS)) + "]")
_WHITESPACE = re.compile(r"\s+")
# A circled or superscript digit after a figure is a footnote mark (12①, 12²): NFKC would make it a digit of the
# figure (121), so it is first written as a mark (12*), as the HTML reader writes it for its markup.
_NOTE_DIGIT = re.compile(r"(?<=[0-9\uff10-\uff19])[\u2460-\u2473\u00b2\u00b3\u00b9\u2070\u2074-\u2079]")
CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")   # a Chinese character (labels are told from figures and prose by them)
# Punctuation that label variants add or drop; a dot survives only after an item number ("3.其他").
_LABEL_NOISE = re.compile(r"[\s\"'“”‘’:：;；,，、。·・*＊]+|(?<!\d)\.")
# Words written two ways in standard usage (其它 is a common spelling of 其他 in agencies' own tables): labels
# compare in the form the template prints.
_WORD_VARIANTS = re.compile("其它")


def normalize_text(text: str) -> str:
    """NFKC plus the radical fixes; keeps line breaks and spacing (only odd spaces become plain)."""
    if text.isascii():
        return text   # ASCII is already NFKC and holds no radicals: most table cells are plain numbers
    text = _REPLACEABLE.sub(lambda m: _REPLACEMENTS[m.group()], text)
    text = _NOTE_DIGIT.sub("*", text)
    return unicodedata.normalize("NFKC", text)


# Chinese text written a word of one or two characters at a time (OCR programs' words joined by a space:
# ``收 到 和 处 理 政府 信息``): where at least this share of the text's adjacent characters stand a space apart,
# and as many pairs as a line of text holds, the spaces between Chinese characters are no word breaks. Typeset
# text spaces a few labels in distributed alignment (at most an eighth of its pairs in the renderings of
# tests/fixtures/extracted), OCR's words two thirds and more (tests/fixtures/ocrtext).
SPACED_SHARE = 0.5
_SPACED_PAIRS = 20
_CJK_SPACED = re.compile(r"(?<=[\u4e00-\u9fff、，。；：《》“”（）]) (?=[\u4e00-\u9fff、，。；：《》“”（）])")
_CJK_ADJACENT = re.compile(r"(?<=[\u4e00-\u9fff])(?=[\u4e00-\u9fff])")


def unspaced_cjk(text: str) -> str:
    """``text`` with the single spaces between its Chinese characters and punctuation taken out where it is
    written spaced (``SPACED_SHARE``); any other text as it is. Runs of spaces (a table's columns) stay."""
    spaced = sum(1 for _ in _CJK_SPACED.finditer(text))
    if spaced < _SPACED_PAIRS or spaced < SPACED_SHARE * (spaced + sum(1 for _ in _CJK_ADJACENT.finditer(text))):
        return text
    return _CJK_SPACED.sub("", text)


# While a document is read (``remembering``), the squashed and label forms of its short texts are remembered:
# every pass normalises its lines again (95,000 lines: 1,160,000 squashes of 190,000 texts, a third of the reading)
MAX_REMEMBERED_TEXT = 100   # characters: a longer text is normalised each time (a table's line is shorter)
MAX_REMEMBERED = 200_000    # texts a form remembers (≤ ~60 MB of Chinese text); past it they are forgotten


class _Memory(threading.local):
    forms: tuple[dict[str, str], dict[str, str]] | None = None   # squashed, label key: by text


_memory = _Memory()


@contextmanager
def remembering() -> Iterator[None]:
    """Remembers the forms of short texts until the document's reading ends; nested, it is the outer one's."""
    if _memory.forms is not None:
        yield
        return
    _memory.forms = ({}, {})
    try:
        yield
    finally:
        _memory.forms = None


def _remembered(form: int, make: Callable[[str], str], text: str) -> str:
    if _memory.forms is None or len(text) > MAX_REMEMBERED_TEXT:
        return make(text)
    forms = _memory.forms[form]
    known = forms.get(text)
    if known is None:
        if len(forms) >= MAX_REMEMBERED:
            forms.clear()
        known = forms[text] = make(text)
    return known


def _squash(text: str) -> str:
    return _WHITESPACE.sub("", normalize_text(text))


def _label_key(text: str) -> str:
    return _WORD_VARIANTS.sub("其他", _LABEL_NOISE.sub("", squash(text)))


def squash(text: str) -> str:
    """Normalised text with all whitespace removed (PDF layers put spaces between characters)."""
    return _remembered(0, _squash, text)


def label_key(text: str) -> str:
    """The form labels are compared in: normalised, no whitespace, no quotes or list punctuation
    except the period after an item number (``1.属于国家秘密``) and brackets."""
    return _remembered(1, _label_key, text)
