"""What an article's page says of itself in its metadata line: when it was published (发布日期, else 成文日期)
and who published it (来源, 发布机构)."""

from __future__ import annotations

import re

_DATE = r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})"
PUBLISHED = re.compile(r"(?:发布日期|发布时间|发文日期|公开日期|发布于)\s*[:：]?\s*" + _DATE)
WRITTEN = re.compile(r"成文日期\s*[:：]?\s*" + _DATE)
SOURCE = re.compile(r"(?:发布机构|发布单位|信息来源|来源)\s*[:：]\s*([^\s|｜]{2,30})")
