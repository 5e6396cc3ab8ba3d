"""A blind county portal (issue 11), written before reading the crawler: 岚石县, its towns and departments.

Built as a county site of today is, on one host:

- the county's own 年报 column is named 政务公开年报 and is an ``<iframe>`` shell; the framed list is paged by
  layui's ``laypage`` (the total a script variable, the next page's address only in its ``jump`` callback);
- most units are towns (乡镇, 街道) on a 集约化 信息公开 platform, one template for all (``unit.html?deptId=…``);
  the platform's home has no link to any unit: its unit tree is a zTree drawn by a script from a JSONP answer
  whose nodes carry each unit's ``url``;
- on the platform every list links its documents as ``javascript:openDoc('id')`` (the function opening
  ``detail.html?docId=…``), is paged by ``createPage(…)`` with the total in a script variable, and each unit names
  its 年报 column its own way (年度报告, 工作年报, 政务公开年报 …) beside 财政预决算 and other columns;
- 县教育局 has a site of its own whose 年报 list is loaded by an XHR POST with a JSON body (the answer's records
  carry their ``linkUrl``); the API refuses a form;
- 县卫生健康委员会's reports are only attachments (``.pdf``, ``.docx``, ``.wps``) of notices titled
  ``关于…的公示`` and ``附件``, beside a budget spreadsheet;
- decoys: news about 年报 training, 工作要点, 统计公报, 法治政府建设年度报告, 财政预决算 notices.
"""

from __future__ import annotations

import json
from html import escape

from tests.crawler.helpers import FILES
from tests.crawler.portal import JSON, SCRIPT, Look, OneHost, Page, stable_hex

COUNTY = "岚石县人民政府"
NAV = ('<a href="/">首页</a><a href="/zjls/">走进岚石</a><a href="/xwzx/">新闻中心</a><a href="/zwgk/">政务公开</a>'
       '<a href="/hdjl/">互动交流</a>')
LOOK = Look(NAV, seed=61)
# (deptId, name, the platform's name of its 年报 column); towns are the majority, as in a real county
TOWNS = (("2001", "岚石县青山镇人民政府", "年度报告"), ("2002", "岚石县石门镇人民政府", "工作年报"),
         ("2003", "岚石县岚桥镇人民政府", "政府信息公开年报"), ("2004", "岚石县白沙乡人民政府", "政务公开年报"),
         ("2005", "岚石县龙潭乡人民政府", "信息公开年报"), ("2006", "岚石县河口镇人民政府", "年度报告"),
         ("2007", "岚石县柳林镇人民政府", "政府信息公开工作年度报告"), ("2008", "岚石县东岭街道办事处", "年报"))
PLATFORM_DEPARTMENTS = (("3003", "岚石县财政局", "政府信息公开年报"), ("3004", "岚石县自然资源局", "年度报告"))
EDUCATION, HEALTH = "岚石县教育局", "岚石县卫生健康委员会"
PAGE_SIZE = 4
PDF = b"%PDF-1.4\n% report\n"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

# The platform's scripts, as a 集约化 CMS serves them: the unit tree (zTree over JSONP, frozen in tests/files/) and the
# pager; 县教育局's list script posting a JSON body (frozen too).
TREE_JS = (FILES / "platform_unit_tree.js").read_text(encoding="utf-8")
PAGE_JS = """function createPage(box, pageCount, pageNo, prefix) {
  var html = '';
  for (var i = 1; i <= pageCount; i++) {
    html += i === pageNo ? '<span>' + i + '</span>' : '<a href="' + prefix + i + '">' + i + '</a>';
  }
  document.getElementById(box).innerHTML = html;
}
"""
LIST_JS = (FILES / "site_script_json_post_list.js").read_text(encoding="utf-8")


class PortalAR(OneHost):
    """岚石县's portal: the reports a crawl must find in ``expected``."""

    def __init__(self) -> None:
        super().__init__()
        # deptId → its name and columns: chnlId → (label, [(docId, title, year published)])
        self.documents: dict[str, dict] = {}
        self._home()
        self._county_column()
        self._platform()
        self._education()
        self._health()

    def _home(self) -> None:
        pages = self.main.pages
        news = [("202403/t20240312_81.html", "岚石县举办2023年度政务公开工作年报编制培训会"),
                ("202403/t20240305_80.html", "县政府召开常务会议研究部署春耕生产工作"),
                ("202402/t20240226_79.html", "青山镇开展政府信息公开年报自查工作")]
        for path, title in news:
            self.noise(LOOK, f"/xwzx/{path}", title)
        items = "".join(f'<li><a href="/xwzx/{p}" target="_blank">{escape(t)}</a></li>' for p, t in news)
        pages["/"] = Page(LOOK.html(f"{COUNTY}门户网站", (
            f'<div class="news"><h3>岚石要闻</h3><ul>{items}</ul></div>'
            '<div class="links"><h3>部门网站</h3><a href="/jyj/index.html" target="_blank">县教育局</a>'
            '<a href="http://www.gov.cn/" target="_blank">中国政府网</a></div>')))
        pages["/zwgk/"] = Page(LOOK.html("政务公开", (
            '<div class="zwgk-menu"><ul><li><a href="/zwgk/zn/">政府信息公开指南</a></li>'
            '<li><a href="/xxgk/index.html">政府信息公开目录</a></li>'
            '<li><a href="/zwgk/zwgknb/">政务公开年报</a></li>'
            '<li><a href="/zwgk/czyjs/">财政预决算</a></li><li><a href="/zwgk/tjxx/">统计信息</a></li></ul></div>')))
        self.noise(LOOK, "/zwgk/zn/", "岚石县人民政府信息公开指南")
        budget = "/zwgk/czyjs/202402/t20240220_77.html"
        self.noise(LOOK, budget, "岚石县2024年财政预算公开")
        pages["/zwgk/czyjs/"] = Page(LOOK.html("财政预决算", f'<ul><li><a href="{budget}">岚石县2024年财政预算公开</a>'
                                                        "</li></ul>"))
        bulletin = "/zwgk/tjxx/202403/t20240315_78.html"
        self.noise(LOOK, bulletin, "岚石县2023年国民经济和社会发展统计公报")
        pages["/zwgk/tjxx/"] = Page(LOOK.html("统计信息", f'<ul><li><a href="{bulletin}">岚石县2023年国民经济和社会'
                                                       "发展统计公报</a></li></ul>"))

    def _county_column(self) -> None:
        """政务公开年报: an iframe whose list is paged by laypage, the next page's address only in ``jump``."""
        pages, rows = self.main.pages, []
        for year in range(2023, 2018, -1):
            path = f"/zwgk/zwgknb/{year + 1}03/t{year + 1}0310_{year}1.html"
            title = self.report(LOOK, path, COUNTY, year)
            rows.append(f'<li><a href="{path.split("/zwgk/zwgknb/")[1]}" target="_blank">{title}</a>'
                        f"<span>{year + 1}-03-10</span></li>")
        for year, (path, title) in ((2023, ("202402/t20240228_51.html", "岚石县2023年法治政府建设年度报告")),
                                    (2024, ("202403/t20240301_52.html", "岚石县2024年政务公开工作要点"))):
            self.noise(LOOK, f"/zwgk/zwgknb/{path}", title)
            rows.insert(2 if year == 2023 else 0, f'<li><a href="{path}" target="_blank">{title}</a></li>')
        pages["/zwgk/zwgknb/"] = Page(LOOK.html("政务公开年报", (
            '<div class="main"><h2>政务公开年报</h2><iframe id="listFrame" src="list.html" width="100%" height="600"'
            ' frameborder="0" scrolling="no"></iframe></div>')))
        size = 5
        for number in range(1, (len(rows) - 1) // size + 2):
            name = "list.html" if number == 1 else f"list_{number}.html"
            pages[f"/zwgk/zwgknb/{name}"] = Page(
                ('<!DOCTYPE html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/layui/css/layui.css">'
                 '<script src="/layui/layui.js"></script></head><body>'
                 f'<ul class="list">{"".join(rows[(number - 1) * size:number * size])}</ul><div id="pager"></div>'
                 f"<script>var totalCount = {len(rows)};\nlayui.use('laypage', function () {{\n"
                 "  layui.laypage.render({elem: 'pager', count: totalCount, limit: " f"{size}, curr: {number},\n"
                 "    jump: function (obj, first) { if (!first) { location.href = obj.curr == 1 ? 'list.html' : "
                 "'list_' + obj.curr + '.html'; } }});\n});</script></body></html>").encode())

    def _platform(self) -> None:
        """The 集约化 platform: a unit tree from JSONP, ``?deptId=`` units, openDoc lists paged by createPage."""
        main = self.main
        main.pages["/xxgk/index.html"] = Page(LOOK.html("岚石县政府信息公开平台", (
            '<link rel="stylesheet" href="/xxgk/css/zTreeStyle.css"><div class="left"><h3>信息公开目录</h3>'
            '<ul id="deptTree" class="ztree"></ul></div><div class="right"><h3>政府信息公开指南</h3>'
            '<p>本平台集中发布岚石县各乡镇（街道）、县直部门的政府信息。</p></div>'
            '<script src="/js/jquery.min.js"></script><script src="/xxgk/js/jquery.ztree.core.min.js"></script>'
            '<script src="/xxgk/js/deptTree.js"></script>')))
        main.pages["/xxgk/js/deptTree.js"] = Page(TREE_JS.encode(), SCRIPT)
        main.pages["/xxgk/js/page.js"] = Page(PAGE_JS.encode(), SCRIPT)
        nodes = [{"id": "20", "pId": "0", "name": "乡镇（街道）", "open": True},
                 {"id": "30", "pId": "0", "name": "县直部门", "open": True}]
        for dept, name, column in (*TOWNS, *PLATFORM_DEPARTMENTS):
            nodes.append({"id": dept, "pId": dept[0] + "0", "name": name.removeprefix("岚石县").removesuffix("人民政府"),
                          "url": f"/xxgk/unit.html?deptId={dept}", "target": "_self"})
            self._unit(dept, name, column)
        nodes.append({"id": "3001", "pId": "30", "name": "县教育局", "url": "/jyj/index.html", "target": "_blank"})
        nodes.append({"id": "3002", "pId": "30", "name": "县卫生健康委员会", "url": "/wjw/index.html", "target": "_blank"})

        def tree(query) -> Page:
            callback = query.get("callback", ["callback"])[0]
            answer = json.dumps({"code": 0, "data": nodes}, ensure_ascii=False)
            return Page(f"{callback}({answer})".encode(), SCRIPT)
        main.dynamic["/xxgk/api/deptTree"] = tree
        main.dynamic["/xxgk/unit.html"] = self._unit_page
        main.dynamic["/xxgk/list.html"] = self._list_page

    def _unit(self, dept: str, name: str, column: str) -> None:
        """One unit's columns on the platform: its 年报 column's reports and a 财政预决算 column of notices."""
        first = 2019 if dept.startswith("2") else 2020
        reports = []
        for year in range(2023, first - 1, -1):
            doc = stable_hex(f"{dept}{year}", 16)
            reports.append((doc, self.report(LOOK, f"/xxgk/detail.html?docId={doc}", name, year), year + 1))
        plan = (f"{dept}24", self.noise(LOOK, f"/xxgk/detail.html?docId={dept}24", f"{name}2024年政务公开工作要点"),
                2024)
        budgets = [(f"{dept}9{year}", self.noise(LOOK, f"/xxgk/detail.html?docId={dept}9{year}",
                                                 f"{name}{year}年部门预算公开"), year) for year in (2024, 2023)]
        self.documents[dept] = {"name": name, "columns": {
            f"{dept}01": ("机构职能", []), f"{dept}05": ("政策文件", []), f"{dept}09": ("财政预决算", budgets),
            f"{dept}12": (column, [plan, *reports])}}

    def _unit_page(self, query) -> Page:
        unit = self.documents.get(query.get("deptId", [""])[0])
        if unit is None:
            return Page(LOOK.html("提示", "<p>该单位不存在。</p>"), status=404)
        dept = query["deptId"][0]
        menu = "".join(f'<li><a href="list.html?deptId={dept}&chnlId={chnl}">{label}</a></li>'
                       for chnl, (label, _) in unit["columns"].items())
        return Page(LOOK.html(f"{unit['name']}政府信息公开", (
            f'<div class="left"><h3>{unit["name"]}</h3><ul class="catalog">'
            f'<li><a href="unit.html?deptId={dept}">信息公开指南</a></li>{menu}</ul></div>'
            '<div class="right"><p>本单位信息公开指南。</p></div>')))

    def _list_page(self, query) -> Page:
        dept, chnl = query.get("deptId", [""])[0], query.get("chnlId", [""])[0]
        unit = self.documents.get(dept)
        if unit is None or chnl not in unit["columns"]:
            return Page(LOOK.html("提示", "<p>栏目不存在。</p>"), status=404)
        label, docs = unit["columns"][chnl]
        number = int(query.get("pageNo", ["1"])[0])
        shown = docs[(number - 1) * PAGE_SIZE:number * PAGE_SIZE]
        rows = "".join(f'<li><a href="javascript:openDoc(\'{doc}\')" title="{title}">{title}</a>'
                       f"<span>{published}-01-1{k}</span></li>"
                       for k, (doc, title, published) in enumerate(shown)) or "<li>暂无信息</li>"
        return Page(LOOK.html(f"{label}-{unit['name']}", (
            f'<div class="left"><h3>{unit["name"]}</h3></div><div class="right"><div class="position">当前位置：'
            f'信息公开 &gt; {label}</div><ul class="doc-list">{rows}</ul><div id="pageBar" class="page"></div></div>'
            '<script src="/xxgk/js/page.js"></script>'
            "<script>function openDoc(id) { window.open('/xxgk/detail.html?docId=' + id); }\n"
            f"var totalCount = {len(docs)};\nvar pageSize = {PAGE_SIZE};\n"
            f"createPage('pageBar', Math.ceil(totalCount / pageSize), {number}, "
            f"'list.html?deptId={dept}&chnlId={chnl}&pageNo=');</script>")))

    def _education(self) -> None:
        """县教育局's own site: its 年报 list drawn from an XHR POST with a JSON body."""
        main, nav = self.main, ('<a href="/jyj/index.html">首页</a><a href="/jyj/jydt/">教育动态</a>'
                                '<a href="/jyj/xxgk/">信息公开</a>')
        main.pages["/jyj/index.html"] = Page(LOOK.html(EDUCATION, f"<h1>{EDUCATION}</h1>", nav))
        main.pages["/jyj/jydt/"] = Page(LOOK.html("教育动态", "<ul><li>暂无信息</li></ul>", nav))
        main.pages["/jyj/xxgk/"] = Page(LOOK.html(f"{EDUCATION}信息公开", (
            '<ul class="menu"><li><a href="/jyj/xxgk/gkzn/">信息公开指南</a></li>'
            '<li><a href="/jyj/xxgk/gkzd/">信息公开制度</a></li>'
            '<li><a href="/jyj/xxgk/ndbg/">政府信息公开年报</a></li></ul>'), nav))
        main.pages["/jyj/js/list.js"] = Page(LIST_JS.encode(), SCRIPT)
        main.pages["/jyj/xxgk/ndbg/"] = Page(LOOK.html("政府信息公开年报", (
            '<div class="list"><h2>政府信息公开年报</h2><ul id="articleList"></ul><div id="pager"></div></div>'
            '<script src="/js/jquery.min.js"></script><script src="/layui/layui.js"></script>'
            '<script src="/jyj/js/list.js"></script>'
            "<script>loadList({siteId: 'jyj', columnCode: 'ndbg', pageNo: 1, pageSize: 4});</script>"), nav))
        records = []
        for year in range(2023, 2018, -1):
            path = f"/jyj/xxgk/ndbg/{year + 1}01/t{year + 1}0120_{year}3.html"
            records.append({"id": f"{year}3", "title": self.report(LOOK, path, EDUCATION, year, nav),
                            "linkUrl": path, "publishTime": f"{year + 1}-01-20"})
        decoy = "/jyj/xxgk/ndbg/202403/t20240308_91.html"
        records.insert(1, {"id": "91", "title": self.noise(LOOK, decoy, "岚石县2023年教育事业发展统计公报", nav),
                           "linkUrl": decoy, "publishTime": "2024-03-08"})

        def articles(query, form) -> Page:
            if not isinstance(form, dict) or form.get("columnCode") != "ndbg":
                return Page(json.dumps({"code": 400, "msg": "参数错误"}).encode(), JSON, status=400)
            number, size = int(form.get("pageNo", 1)), int(form.get("pageSize", 4))
            page = records[(number - 1) * size:number * size]
            return Page(json.dumps({"code": 200, "data": {"total": len(records), "records": page}},
                                   ensure_ascii=False).encode(), JSON)
        main.posted["/jyj/api/article/list"] = articles

    def _health(self) -> None:
        """县卫生健康委员会: reports only as attachments of notices with generic titles."""
        main, nav = self.main, ('<a href="/wjw/index.html">首页</a><a href="/wjw/xxgk/">信息公开</a>')
        main.pages["/wjw/index.html"] = Page(LOOK.html(HEALTH, f"<h1>{HEALTH}</h1>", nav))
        main.pages["/wjw/xxgk/"] = Page(LOOK.html(f"{HEALTH}信息公开", (
            '<ul class="menu"><li><a href="/wjw/xxgk/gkzn/">信息公开指南</a></li>'
            '<li><a href="/wjw/xxgk/gznb/">工作年报</a></li><li><a href="/wjw/xxgk/czzj/">财政资金</a></li></ul>'), nav))
        files = {2023: ("/wjw/uploadfiles/202402/20240201093015871.pdf", PDF, "application/pdf", ".pdf"),
                 2022: ("/wjw/uploadfiles/202402/20240201093016112.docx", b"PK\x03\x04 report", DOCX, ".docx"),
                 2021: ("/wjw/uploadfiles/202402/20240201093016340.wps", b"\xd0\xcf\x11\xe0 report",
                        "application/octet-stream", ".wps"),
                 2020: ("/wjw/uploadfiles/202102/P020210205384712650192.pdf", PDF, "application/pdf", ".pdf")}
        links = {}
        for year, (path, body, kind, suffix) in files.items():
            main.pages[path] = Page(body, kind)
            self.expected[self.base + path] = (HEALTH, year)
            links[year] = f'<a href="{path}">{HEALTH}{year}年政府信息公开工作年度报告{suffix}</a>'
        budget = "/wjw/uploadfiles/202402/20240201093016555.xls"
        main.pages[budget] = Page(b"\xd0\xcf\x11\xe0 budget", "application/vnd.ms-excel")
        notice = "/wjw/xxgk/gznb/202402/t20240201_12.html"
        main.pages[notice] = Page(LOOK.html("关于公开政府信息公开工作年度报告的公示", (
            '<div class="article"><h1>关于公开政府信息公开工作年度报告的公示</h1><div class="info">发布时间：2024-02-01'
            f'　来源：{HEALTH}</div><div class="content"><p>现将我委近年政府信息公开工作年度报告予以公示。</p>'
            f'<p>附件：</p><p>1.{links[2023]}</p><p>2.{links[2022]}</p><p>3.{links[2021]}</p>'
            f'<p>4.<a href="{budget}">{HEALTH}2024年部门预算.xls</a></p></div></div>'), nav))
        attachment = "/wjw/xxgk/gznb/202102/t20210205_5.html"
        main.pages[attachment] = Page(LOOK.html("附件", (
            '<div class="article"><h1>附件</h1><div class="info">发布时间：2021-02-05</div>'
            f'<div class="content"><p>{links[2020]}</p></div></div>'), nav))
        plan = "/wjw/xxgk/gznb/202103/t20210310_6.html"
        self.noise(LOOK, plan, "岚石县卫生健康委员会2021年政务公开工作要点", nav)
        main.pages["/wjw/xxgk/gznb/"] = Page(LOOK.html("工作年报", (
            f'<ul class="list"><li><a href="{notice}">关于公开政府信息公开工作年度报告的公示</a><span>2024-02-01</span></li>'
            f'<li><a href="{plan}">{HEALTH}2021年政务公开工作要点</a><span>2021-03-10</span></li>'
            f'<li><a href="{attachment}">附件</a><span>2021-02-05</span></li></ul>'), nav))
        main.pages["/wjw/xxgk/gkzn/"] = Page(LOOK.html("信息公开指南", "<p>指南。</p>", nav))
        main.pages["/wjw/xxgk/czzj/"] = Page(LOOK.html("财政资金", "<ul><li>暂无信息</li></ul>", nav))
