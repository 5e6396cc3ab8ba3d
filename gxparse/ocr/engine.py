"""The OCR engine: Tesseract through its C++ API (tesserocr), with the models of the Debian packages.

The API is used in-process rather than the ``tesseract`` program: a model is loaded once per thread and kept
(a program run loads it again for every image), and tesserocr's own build of Tesseract recognises a table
page in about 60% of the Debian program's time. Tesseract runs on one thread (no OpenMP in that build).
"""

from __future__ import annotations

import glob
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import tesserocr
from PIL import Image
from tesserocr import RIL, iterate_level

from gxparse import deadline, limits
from gxparse.errors import DocumentError

OCR_TIMEOUT = 120   # seconds per image
# Tesseract answers its timeout only between words: it returned up to 1 s late (0.1–1 s measured). A run is given
# the document's wall time less this, so it ends by the deadline; with less left it is not started.
TESSERACT_LAG_SECONDS = 1.0
# Where Debian's tesseract-ocr-* packages put the models; TESSDATA_PREFIX, when set, wins.
_MODEL_FOLDERS = ("/usr/share/tesseract-ocr/*/tessdata", "/usr/share/tessdata", "/usr/local/share/tessdata")
_PACKAGES = {"chi_sim": "tesseract-ocr-chi-sim", "eng": "tesseract-ocr-eng"}


@dataclass(frozen=True)
class Word:
    """A recognised word, its box in pixels and Tesseract's confidence (0–100)."""

    text: str
    left: int
    top: int
    right: int
    bottom: int
    confidence: float


@dataclass(frozen=True)
class Setup:
    """How an image is read: the model, the page segmentation mode and, optionally, the only characters
    allowed."""

    language: str
    psm: int
    whitelist: str = ""


def _model_folder(language: str, source: str) -> str:
    folders = [os.environ["TESSDATA_PREFIX"]] if os.environ.get("TESSDATA_PREFIX") else []
    folders += sorted(glob.glob(_MODEL_FOLDERS[0]), reverse=True) + list(_MODEL_FOLDERS[1:])
    for folder in folders:
        if (Path(folder) / f"{language}.traineddata").is_file():
            return folder
    package = _PACKAGES.get(language, f"tesseract-ocr-{language}")
    raise DocumentError(source, f"识别扫描件需要 Tesseract 的 {language} 模型（Debian 软件包 {package}），本机未找到")


_engines = threading.local()   # an API instance is not safe to share between threads


def _engine(setup: Setup, source: str) -> tesserocr.PyTessBaseAPI:
    cache: dict[Setup, tesserocr.PyTessBaseAPI] = _engines.__dict__.setdefault("by_setup", {})
    if setup not in cache:
        try:
            api = tesserocr.PyTessBaseAPI(path=_model_folder(setup.language, source), lang=setup.language,
                                          psm=setup.psm)
        except RuntimeError as exc:
            raise DocumentError(source, f"Tesseract 无法加载 {setup.language} 模型，扫描件无法识别") from exc
        api.SetVariable("tessedit_do_invert", "0")
        if setup.whitelist:
            api.SetVariable("tessedit_char_whitelist", setup.whitelist)
        cache[setup] = api
    return cache[setup]


_budget = threading.local()   # when the OCR of the document this thread reads began, in thread CPU seconds


@contextmanager
def document_budget() -> Iterator[None]:
    """The OCR of one document: inside, Tesseract runs no longer than ``limits.MAX_OCR_SECONDS`` of this
    thread's CPU time in all (CPU, not wall-clock time: a busy machine makes a scan slower, not larger).
    Nested, it is the outer one's budget (a Word file's pictures, each read as an image)."""
    if getattr(_budget, "start", None) is not None:
        yield
        return
    _budget.start = time.thread_time()
    try:
        yield
    finally:
        _budget.start = None


def check_ocr_time() -> None:
    """``deadline.OutOfTime`` when the document's wall deadline or its OCR's CPU budget has run out: either way the
    pages read are kept and the others named unread."""
    start = getattr(_budget, "start", None)
    if start is not None and time.thread_time() - start > limits.MAX_OCR_SECONDS:
        raise deadline.OutOfTime(f"每份文件 OCR 上限 {limits.MAX_OCR_SECONDS} CPU 秒")
    deadline.check_time()


def read_words(image: np.ndarray, dpi: float, setup: Setup, source: str, page: int) -> list[Word]:
    """Every non-empty word Tesseract finds in a greyscale image."""
    check_ocr_time()
    allowed = min(OCR_TIMEOUT, deadline.seconds_left() - TESSERACT_LAG_SECONDS)
    if allowed <= 0:
        raise deadline.OutOfTime()
    api = _engine(setup, source)
    try:
        api.SetImage(Image.fromarray(image))
        api.SetSourceResolution(round(dpi))
        started = time.monotonic()
        recognised = api.Recognize(timeout=int(allowed * 1000) + 1)
    except RuntimeError as exc:   # tesserocr's word for anything Tesseract refused
        raise DocumentError(source, f"第{page}页 OCR 失败（Tesseract 无法识别此图像）") from exc
    if not recognised:
        # stopped at the time the document's deadline left it (its lag kept back, so the deadline itself is not
        # yet past): the page is unread, not unreadable
        if allowed < OCR_TIMEOUT and time.monotonic() - started >= allowed:
            raise deadline.OutOfTime()
        deadline.check_time()
        raise DocumentError(source, f"第{page}页 OCR 超时或失败（超过 {OCR_TIMEOUT} 秒）")
    iterator = api.GetIterator()
    if iterator is None:   # nothing on the image
        return []
    words = []
    for word in iterate_level(iterator, RIL.WORD):
        try:
            text = word.GetUTF8Text(RIL.WORD).strip()
        except RuntimeError:   # a word box Tesseract found but could not read ("No text returned")
            continue
        if text:
            left, top, right, bottom = word.BoundingBox(RIL.WORD)
            words.append(Word(text, left, top, right, bottom, word.Confidence(RIL.WORD)))
    return words
