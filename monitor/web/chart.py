"""The agency page's chart, as geometry for an inline SVG: applications received and their outcomes by year.

Per year two bars: the applications received (一、本年新收), and beside it the outcomes of the year (三、本年度
办理结果) stacked by kind. Drawn on the server, so the page needs no script.
"""

from __future__ import annotations

from dataclasses import dataclass

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 48, 8, 12, 28
TICKS = 4

RECEIVED = "received"
OUTCOMES = ("granted", "partial", "denied", "unable", "not_processed", "other")
SERIES_NAMES = {
    "received": "新收申请", "granted": "予以公开", "partial": "部分公开", "denied": "不予公开",
    "unable": "无法提供", "not_processed": "不予处理", "other": "其他处理",
}


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    series: str
    title: str        # tooltip: year, series, value


@dataclass(frozen=True)
class Tick:
    y: float
    value: int


@dataclass(frozen=True)
class Label:
    x: float
    text: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    labels: tuple[Label, ...]
    baseline: float
    left: float                             # x where the plot starts (tick labels to its left)
    right: float                            # x where it ends
    series: tuple[tuple[str, str], ...]     # (key, Chinese name) for the legend


def _nice_ceiling(value: int) -> int:
    """The smallest of 1, 2, 5 × 10ⁿ that is at least ``value`` (so ticks are round numbers)."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor >= value:
                return step * factor
        step *= 10


def applications_chart(years: list[tuple[int | None, dict[str, int | None]]]) -> Chart | None:
    """The chart of (year, figures) pairs, figures keyed by series; None when no year has a figure."""
    years = [(y, f) for y, f in years if y is not None and any(f.get(k) is not None for k in (RECEIVED, *OUTCOMES))]
    if not years:
        return None
    peak = max(max(f.get(RECEIVED) or 0, sum(f.get(k) or 0 for k in OUTCOMES)) for _, f in years)
    top = _nice_ceiling(max(peak, 1))
    plot_h = HEIGHT - TOP - BOTTOM
    slot = (WIDTH - LEFT - RIGHT) / len(years)
    bar_w = min(slot * 0.36, 48)
    scale = plot_h / top
    baseline = TOP + plot_h
    bars: list[Bar] = []
    labels: list[Label] = []
    for i, (year, figures) in enumerate(years):
        centre = LEFT + slot * (i + 0.5)
        received = figures.get(RECEIVED)
        if received is not None:
            bars.append(Bar(centre - bar_w - 1, baseline - received * scale, bar_w, received * scale, RECEIVED,
                            f"{year}年 {SERIES_NAMES[RECEIVED]} {received}"))
        stacked = 0
        for key in OUTCOMES:
            value = figures.get(key)
            if not value:
                continue
            bars.append(Bar(centre + 1, baseline - (stacked + value) * scale, bar_w, value * scale, key,
                            f"{year}年 {SERIES_NAMES[key]} {value}"))
            stacked += value
        labels.append(Label(centre, f"{year}"))
    values = sorted({top * k // TICKS for k in range(TICKS + 1)})
    ticks = tuple(Tick(baseline - v * scale, v) for v in values)
    return Chart(WIDTH, HEIGHT, tuple(bars), ticks, tuple(labels), baseline, LEFT, WIDTH - RIGHT,
                 tuple((key, SERIES_NAMES[key]) for key in (RECEIVED, *OUTCOMES)))
