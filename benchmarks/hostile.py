"""Hostile-input benchmark: every attack of ``tests/gxparse/hostile/attacks.py`` (the slow ones the tests leave
out included) parsed in a fresh child process limited to 1 GB of address space, against normal reports of
each format parsed the same way in the same run.

    .venv/bin/python -m benchmarks.hostile [--only NAME ...]
    .venv/bin/python -m benchmarks.hostile --crawl
    .venv/bin/python -m benchmarks.hostile --web

``--crawl`` runs the crawler's attacks instead (tests/crawler/test_crawl_hostile_lists.py,
test_crawl_hostile_pages.py and test_crawl_hostile_loops.py, its script-drawn list at 10⁶ items): the hostile
sites crawled in one run beside a good one over real HTTP, and prints per site the pages fetched, its seconds,
the crawl process's peak memory, its errors and requests dropped unfetched, the documents archived, the traps
reported, and the genuine reports yielded. Targets: every genuine report, no site failed, each under CRAWL_SECONDS.

``--web`` sends the web server's attacks (tests/web/test_load.py) to ``gxmon serve`` with writes on, over a
small archive on 127.0.0.1: oversized heads, form bodies too large declared, chunked or trickled, many slow
bodies at once, request lines it cannot parse. Prints per attack the answer's status, whether it carries the
security headers, whether its body is the app's own (its Chinese page, its JSON under /api) saying what the
app says of that status, its seconds and the server's resident memory after it. Targets: each the expected
4xx with the headers and the app's own body, no 5xx, the
server under WEB_GROWTH_MB above its start, and /healthz answered while the slow bodies wait.

Prints, per input, the outcome (refused: a DocumentError; parsed; crashed, killed or timeout: not handled),
wall-clock and CPU seconds and peak resident memory (the child's VmHWM), the CPU and memory as multiples of
the normal report of the same reader, and the worst case. Targets (issue 12): every input handled, each
parse under 1 GB and 60 s. CPU seconds are the measure of time: on a shared machine the wall clock also
counts the others' work. Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import contextlib
import socket
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from gxparse.readers.sniff import sniff
from simsite.render import render_report_html
from tests.gxparse.formats.build import Fixtures
from tests.gxparse.hostile import bounded
from tests.gxparse.hostile.attacks import ATTACKS, Attack
from tests.gxparse.seeds import report_dict, seed_bytes

SEED = "kaifeng_2021"
IMAGES = ("png", "jpeg", "tiff", "bmp", "gif")
HANDLED = ("refused", "parsed")
CRAWL_SECONDS = 60
WEB_GROWTH_MB = 100
WEB_HEAD_TIMEOUT = 2.0
WEB_CONNECTIONS = 40
BIG_LIST_ITEMS = 1_000_000   # the script-drawn list's: a 46 MB answer
CRAWL_TIMEOUT = 900          # the whole crawl's, 25 sites four at a time: a site not crawled by then is "missing"


def _reader(data: bytes) -> str:
    kind = sniff(data)
    return "ocr" if kind in IMAGES else kind if kind in ("text", "html", "pdf", "docx", "doc") else "text"


def baselines(folder: Path) -> dict[str, Path]:
    """The seed report as each reader's normal input: text, HTML, a PDF with a text layer, a DOCX, a DOC
    (LibreOffice converts it), and its table 三 scanned at 150 dpi."""
    fixtures = Fixtures(folder, [SEED])
    html = folder / f"{SEED}.html"
    html.write_text(render_report_html(report_dict(SEED)), encoding="utf-8")
    text = folder / f"{SEED}.txt"
    text.write_bytes(seed_bytes(SEED))
    scan = next(p for p in fixtures.table_images(SEED) if ".s3." in p.name)
    return {"text": text, "html": html, "pdf": fixtures.reportlab_pdf(SEED), "docx": fixtures.docx(SEED),
            "doc": fixtures.doc(SEED), "ocr": scan}


def _row(name: str, outcome: bounded.Outcome, normal: bounded.Outcome | None) -> str:
    ratios = (f"{outcome.cpu_seconds / max(normal.cpu_seconds, 1e-3):7.1f}× {outcome.peak_mb / normal.peak_mb:5.1f}×"
              if normal is not None and outcome.outcome in HANDLED else " " * 14)
    return (f"  {name:<30} {outcome.outcome:<8} {outcome.seconds:7.2f} {outcome.cpu_seconds:7.2f} "
            f"{outcome.peak_mb:7.0f} {ratios}  {outcome.reason[:70]}")


def crawl_attacks() -> bool:
    """The crawler's attacks crawled together; prints a row a site; → whether every target was met."""
    from tests.crawler import test_crawl_hostile_lists as lists
    from tests.crawler import test_crawl_hostile_loops as loops
    from tests.crawler import test_crawl_hostile_pages as pages
    from tests.crawler.hostile import HostileSite, crawled

    looping, twin = loops.loops()
    sites = {"good": HostileSite("乙市"), **{name: make() for name, make in lists.SCENARIOS.items()},
             "paged-scans": pages.paged_scans()[0], "bundles": pages.picture_bundles()[0],
             "answers": pages.list_answers(), "notices": pages.endless_notices(), "script": pages.big_script(),
             **{name: make() for name, make in loops.SCENARIOS.items()},
             "big-list": loops.big_drawn_list(BIG_LIST_ITEMS), "loops": looping}
    # the script-drawn list downloads whole (46 MB): its cost is reading it
    options = {name: {"timeout": pages.TIMEOUT} for name in sites if name not in ("good", "big-list")}
    met = True
    print(f"  {'site':<18} {'finish':<10} {'pages':>6} {'asked':>6} {'seconds':>8} {'peak MB':>8} {'errors':>6} "
          f"{'dropped':>7} {'items':>6} {'traps':>5}  genuine")
    with crawled(sites, Path(tempfile.mkdtemp(prefix="gxmon-hostile-crawl-")), options,
                 timeout=CRAWL_TIMEOUT) as done:
        for summary in done.summary.sites:
            site = done.sites[summary.site_id]
            found = len(set(site.expected) & {item["final_url"] for item in done.items[summary.site_id]})
            print(f"  {summary.site_id:<18} {summary.finish_reason:<10} {summary.pages_fetched:>6} {len(site.log):>6} "
                  f"{summary.elapsed_seconds:>8.1f} {summary.peak_rss_mb:>8.0f} {summary.error_count:>6} "
                  f"{sum(summary.frontier_skipped.values()):>7} {len(done.items[summary.site_id]):>6} "
                  f"{len(summary.coverage.traps) if summary.coverage else 0:>5}  {found}/{len(site.expected)}"
                  f"{'  failed: ' + summary.failure[:60] if summary.failure else ''}", flush=True)
            # a site publishing no report (the 通知公告 attack's) fails as a site where none is found does
            met &= (found == len(site.expected) and (summary.failure is None or not site.expected)
                    and summary.elapsed_seconds < CRAWL_SECONDS)
        print(f"whole crawl {done.seconds:.1f} s")
    twin.close()
    return met


@dataclass(frozen=True)
class WebAttack:
    name: str
    head: bytes
    body: Iterator[bytes] | tuple[bytes, ...]   # sent after the head until the server closes the connection
    expected: str                               # the status line's code
    message: str                                # what the app's own answer says (its page's or JSON's text)


def _repeat(chunk: bytes, times: int) -> Iterator[bytes]:
    return (chunk for _ in range(times))


def _trickle(data: bytes) -> Iterator[bytes]:
    for byte in data:
        time.sleep(0.1)
        yield bytes([byte])


def web_attacks() -> list[WebAttack]:
    from monitor.web.app import HTTP_MESSAGES, UNREADABLE_REQUEST
    from tests.web.serving import form_head

    multipart = "multipart/form-data; boundary=B"
    field = b'--B\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n'
    chunk = b"%x\r\n" % (1 << 20) + b"a" * (1 << 20) + b"\r\n"
    invalid = b"name=\xff\xfe&password=\xff\xfeabcdefg"
    unreadable, messages = UNREADABLE_REQUEST, HTTP_MESSAGES
    return [
        WebAttack("head-50KB-whole", b"GET /healthz HTTP/1.1\r\nHost: a\r\nX-A: " + b"a" * 50_000 + b"\r\n\r\n", (), "400",
                  unreadable),
        WebAttack("query-100KB", b"GET /reports?q=" + b"a" * 100_000 + b" HTTP/1.1\r\nHost: a\r\n\r\n", (), "400",
                  unreadable),
        WebAttack("header-1MB", b"GET /healthz HTTP/1.1\r\nHost: a\r\nX-A: " + b"a" * 1_000_000 + b"\r\n\r\n", (), "400",
                  unreadable),
        # request lines the server cannot parse: answered before the app, as the app answers
        WebAttack("line-garbage", b"GARBAGE\r\n\r\n", (), "400", unreadable),
        WebAttack("line-control-byte", b"G\x01T /reports HTTP/1.1\r\nHost: a\r\n\r\n", (), "400", unreadable),
        WebAttack("line-api-nul", b"GET /api/reports/\x00 HTTP/1.1\r\nHost: a\r\n\r\n", (), "400", unreadable),
        WebAttack("body-100MB", form_head("/login", 100_000_000), _repeat(b"a" * 1_000_000, 100), "413", messages[413]),
        WebAttack("fields-1e6", form_head("/login", 6_000_000), _repeat(b"a=1&b=", 1_000_000), "413", messages[413]),
        WebAttack("multipart-1e5-parts", form_head("/login", len(field) * 100_000, multipart), _repeat(field, 100_000),
                  "413", messages[413]),
        WebAttack("multipart-1GB-part", form_head("/login", 1 << 30, multipart),
                  (b'--B\r\nContent-Disposition: form-data; name="f"; filename="f"\r\n\r\n', *(b"a" * (1 << 20),) * 50),
                  "413", messages[413]),
        WebAttack("chunked-300MB", form_head("/login", None), _repeat(chunk, 300), "413", messages[413]),
        WebAttack("json-body", form_head("/login", 2, "application/json"), (b"{}",), "400", "请求中有参数无法使用"),
        WebAttack("invalid-utf8", form_head("/login", len(invalid)), (invalid,), "403", "CSRF 校验失败"),
        WebAttack("csrf-missing", form_head("/triage", 20), (b"item=F1&action=ack&x",), "403", "请先登录"),
        WebAttack("body-trickled", form_head("/login", 10_000), _trickle(b"name=a&" * 100), "408", messages[408]),
    ]


def _send(port: int, attack: WebAttack) -> tuple[str, bool, bool, float]:
    """The status code of the answer to ``attack``, whether it had the security headers, whether its body is the
    app's own (its Chinese page, or its JSON under /api) saying what the attack expects, and its seconds."""
    from tests.web.serving import answer_with_body, apps_own, secured

    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.settimeout(10 * WEB_HEAD_TIMEOUT)
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            sock.sendall(attack.head)
            for piece in attack.body:
                sock.sendall(piece)
        try:
            status, headers, body = answer_with_body(sock)
        except (TimeoutError, ConnectionResetError, ValueError) as exc:
            return type(exc).__name__, False, False, time.monotonic() - started
    path = attack.head.split(b" ")[1].decode("latin-1") if attack.head.count(b" ") >= 2 else "/"
    try:
        own = apps_own(path, headers, body, attack.message)
    except ValueError:   # a body under /api that is no JSON, or not UTF-8
        own = False
    return ((status.split(" ")[1] if " " in status else status or "closed"), secured(headers), own,
            time.monotonic() - started)


def _slow_bodies_leave_room(port: int, base_url: str) -> bool:
    """Twice the connection cap of clients whose bodies never end: is /healthz still answered?"""
    import httpx
    from tests.web.serving import form_head

    slow: list[socket.socket] = []
    try:
        for _ in range(2 * WEB_CONNECTIONS):
            slow.append(socket.create_connection(("127.0.0.1", port)))
            slow[-1].sendall(form_head("/login", 10_000) + b"name=")
        try:
            return httpx.get(f"{base_url}/healthz", timeout=WEB_HEAD_TIMEOUT).status_code == 200
        except httpx.HTTPError:
            return False
    finally:
        for sock in slow:
            sock.close()


def web() -> bool:
    """The web attacks against one server; prints a row an attack; → whether every target was met."""
    from tests.web.conftest import build_archive
    from tests.web.serving import serving, writes_config

    folder = Path(tempfile.mkdtemp(prefix="gxmon-hostile-web-"))
    url = f"sqlite:///{folder / 'gxmon.db'}"
    build_archive(url, folder / "gxmon-store")
    options = ("--config", str(writes_config(folder, url)), "--head-timeout", str(WEB_HEAD_TIMEOUT),
               "--max-connections", str(WEB_CONNECTIONS))
    met = True
    with serving(folder, *options) as served:
        start_mb = served.rss_kib() / 1024
        print(f"server at start {start_mb:.0f} MB\n  {'attack':<22} {'status':>8} {'wanted':>6} {'headers':>7} "
              f"{'body':>5} {'seconds':>8} {'RSS MB':>7}")
        for attack in web_attacks():
            status, headers, own, seconds = _send(served.port, attack)
            rss_mb = served.rss_kib() / 1024
            print(f"  {attack.name:<22} {status:>8} {attack.expected:>6} {'yes' if headers else 'NO':>7} "
                  f"{'own' if own else 'NOT':>5} {seconds:>8.2f} {rss_mb:>7.0f}", flush=True)
            met &= status == attack.expected and headers and own and rss_mb - start_mb < WEB_GROWTH_MB
        room = _slow_bodies_leave_room(served.port, served.base_url)
        print(f"  /healthz beside {2 * WEB_CONNECTIONS} slow bodies: {'answered' if room else 'NOT answered'}")
        print(f"server peak {served.rss_kib('VmHWM') / 1024:.0f} MB")
    return met and room


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", nargs="*", default=None, help="names of the attacks to run")
    parser.add_argument("--crawl", action="store_true", help="the crawler's attacks instead of gxparse's")
    parser.add_argument("--web", action="store_true", help="the web server's attacks instead of gxparse's")
    args, _ = parser.parse_known_args()   # `python -m benchmarks --rounds N` passes its options to every one
    if args.crawl:
        sys.exit(0 if crawl_attacks() else 1)
    if args.web:
        sys.exit(0 if web() else 1)
    attacks = [a for a in ATTACKS if args.only is None or a.name in args.only]
    folder = Path(tempfile.mkdtemp(prefix="gxparse-hostile-bench-"))
    print(f"building the inputs in {folder} …", flush=True)

    header = f"  {'input':<30} {'outcome':<8} {'wall s':>7} {'cpu s':>7} {'peak MB':>7} {'× normal cpu, MB':>14}"
    print("\nnormal reports (the baseline), each in a fresh limited process:\n" + header)
    normal: dict[str, bounded.Outcome] = {}
    for kind, path in baselines(folder).items():
        normal[kind] = bounded.run(str(path))
        print(_row(f"{kind}: {path.name}", normal[kind], None), flush=True)

    print(f"\nhostile inputs ({len(attacks)}):\n" + header)
    results: list[tuple[Attack, bounded.Outcome]] = []
    for attack in attacks:
        if isinstance(attack.build, str):
            path, kind = attack.build, "text"
        else:
            data = attack.build()
            path, kind = folder / attack.name, _reader(data)
            path.write_bytes(data)
        outcome = bounded.run(str(path))
        results.append((attack, outcome))
        print(_row(attack.name, outcome, normal[kind]), flush=True)

    handled = [(a, o) for a, o in results if o.outcome in HANDLED]
    as_expected = [a for a, o in handled if (o.outcome == "refused") == (a.refused is not None)]
    worst_cpu = max(handled, key=lambda r: r[1].cpu_seconds, default=None)
    worst_peak = max(handled, key=lambda r: r[1].peak_mb, default=None)
    limit_mb = bounded.MEMORY_LIMIT / (1 << 20)
    print(f"\n{len(handled)} of {len(results)} handled (refused with a message or read; no crash, kill or "
          f"timeout), {len(as_expected)} as the suite expects")
    if worst_cpu and worst_peak:
        print(f"worst CPU time {worst_cpu[1].cpu_seconds:.2f} s ({worst_cpu[0].name}), target < {bounded.TIME_LIMIT:.0f} s")
        print(f"worst peak memory {worst_peak[1].peak_mb:.0f} MB ({worst_peak[0].name}), target < {limit_mb:.0f} MB")
    missed = (len(handled) < len(results) or (worst_cpu and worst_cpu[1].cpu_seconds >= bounded.TIME_LIMIT)
              or (worst_peak and worst_peak[1].peak_mb >= limit_mb))
    sys.exit(1 if missed else 0)


if __name__ == "__main__":
    main()
