function getQueryString(name) {
  var m = location.search.match(new RegExp("[?&]" + name + "=([^&]*)"));
  return m ? decodeURIComponent(m[1]) : "";
}
var keyword = getQueryString("searchword");
function search(page) {
  $.ajax({type: "GET", url: "/search/api/query", dataType: "json",
    data: {searchWord: keyword, siteCode: "zk", pageNo: page, pageSize: 10},
    success: function (r) {
      $("#total").text(r.data.total);
      $("#result-list").html(template("tpl", r.data));
      pager(r.data.total, page);
    }});
}
function goPage(n) { search(n); }
$(function () { $("#keyword").val(keyword); search(1); });
