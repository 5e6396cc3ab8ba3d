"""Straightening a scanned page: a sheet is never fed quite straight, and a table whose rules slope by a
degree no longer has rules to find (a 15 cm rule drifts 2.6 mm, over a dozen pixel rows at 150 dpi).

The angle is the one at which the page's rows of ink are most uneven: turned straight, the rules and the
lines of text fall into few pixel rows and the gaps between them into none (projection-profile method).
"""

from __future__ import annotations

import numpy as np
from PIL import Image

MAX_ANGLE = 5.0        # degrees: a page turned further is a layout problem, not a feeding one
_COARSE_STEP = 0.25    # degrees, searched on a reduced page
_FINE_STEP = 0.02      # degrees, searched around the coarse angle
_MIN_ANGLE = 0.04      # degrees: straighter than this is left alone (the drift is under a pixel a page)
_WORK_WIDTH = 600      # pixels: the page is measured at about this width
_INK = 160             # grey level below which a pixel counts as ink for the measure


def _evenness(ys: np.ndarray, xs: np.ndarray, weights: np.ndarray, angle: float) -> float:
    """How strongly the ink, turned by ``angle``, gathers into few pixel rows (sum of squared row sums).
    Each ink point's row after the turn is computed directly: cheaper than turning the image."""
    theta = np.radians(angle)
    rows = np.rint(ys * np.cos(theta) - xs * np.sin(theta)).astype(np.int64)
    sums = np.bincount(rows - rows.min(), weights=weights)
    return float(np.dot(sums, sums))


def _best(points: tuple[np.ndarray, np.ndarray, np.ndarray], angles: np.ndarray) -> float:
    """The most even of ``angles``; of equals, the smallest turn."""
    return float(max(sorted(angles, key=abs), key=lambda a: _evenness(*points, float(a))))


def skew_angle(gray: np.ndarray) -> float:
    """The angle, in degrees counter-clockwise, that turns the page straight."""
    height, width = gray.shape
    scale = min(1.0, _WORK_WIDTH / width)
    ink = Image.fromarray((gray < _INK).astype(np.uint8) * np.uint8(255))   # one byte a pixel throughout
    small = np.asarray(ink.resize((max(1, round(width * scale)), max(1, round(height * scale))), Image.BOX))
    ys, xs = np.nonzero(small)
    if ys.size == 0:
        return 0.0
    points = (ys.astype(np.float64), xs.astype(np.float64), small[ys, xs].astype(np.float64))
    coarse = _best(points, np.arange(-MAX_ANGLE, MAX_ANGLE + _COARSE_STEP / 2, _COARSE_STEP))
    return _best(points, np.arange(coarse - _COARSE_STEP, coarse + _COARSE_STEP + _FINE_STEP / 2, _FINE_STEP))


def straighten(gray: np.ndarray) -> np.ndarray:
    """The page turned straight (white where the turn uncovers a corner), or as it is when already straight."""
    angle = skew_angle(gray)
    if abs(angle) < _MIN_ANGLE:
        return gray
    turned = Image.fromarray(gray).rotate(angle, resample=Image.BICUBIC, fillcolor=255)
    return np.asarray(turned)
