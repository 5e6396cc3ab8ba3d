/* the site's pager: draws the list's page links from the pager's data-total and data-current */
$(function () {
  var total = parseInt($("#page").attr("data-total"));
  var current = parseInt($("#page").attr("data-current"));
  var html = "";
  for (var i = 1; i <= total; i++) {
    var href = i == 1 ? "index.html" : "index_" + (i - 1) + ".html";
    if (i == current) {
      html += '<span class="on">' + i + "</span>";
    } else {
      html += '<a href="' + href + '">' + i + "</a>";
    }
  }
  $("#page").html(html + "<em>共" + total + "页</em>");
});
