"""Which script files are libraries' (jQuery, layui, a bundler's vendor chunk …): they define no page's
navigation, so neither a page's own scripts nor an application shell's bundles are read from them."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# Platforms' own plugins whose work the crawler does itself count as libraries too: Hanweb's pager (jpage.js: the
# datastore's records and count are read from the page) and JPaaS's list builder (unitbuild.js: its tag's declared
# request is asked, crawler.scripted.jpaas).
# Bundlers' chunks of libraries (chunk-vendors.js, vendors~main.js, runtime, polyfills) are libraries too.
_LIBRARY = re.compile(r"(?:^|[/._-])(?:jquery|bootstrap|layui|layer|vue|vue-router|vuex|react|react-dom|angular|"
                      r"echarts|swiper|html5shiv|respond|polyfills?|axios|lodash|moment|pdfobject|zepto|require|sea|"
                      r"d3|flexible|laydate|wdatepicker|ueditor|video|jweixin|jpage|unitbuild|chunk-vendors|vendors?|"
                      r"runtime|element-ui|babel)(?=[._~-]|$)", re.IGNORECASE)


def is_library(url: str) -> bool:
    """A library's file (jQuery, layui …), by its name: it defines no page's navigation."""
    return bool(_LIBRARY.search(urlsplit(url).path.rsplit("/", 1)[-1]))
