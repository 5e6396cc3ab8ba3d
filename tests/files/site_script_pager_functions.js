/* pager.js of a site: pager functions drawing the list's page links, each its own order and names of arguments */
function setPage(pageCount, nowPage, prefix) {
  var html = '<span>共' + pageCount + '页</span>';
  for (var i = 1; i <= pageCount; i++) {
    if (i == nowPage) html += '<b>' + i + '</b>';
    else html += '<a href="' + prefix + i + '.html">' + i + '</a>';
  }
  document.getElementById('pager').innerHTML = html;
}
function pageNav(total, current, prefix, ext) {
  var s = '';
  for (var k = 0; k < total; k++) {
    s += current === k ? '<em>' + (k + 1) + '</em>' : "<a href='" + prefix + k + ext + "'>" + (k + 1) + "</a>";
  }
  document.write(s);
}
function showPages(cur, count) {
  var pages = count;
  var s = '<span>共' + count + '页</span>';
  for (var n = 1; n <= pages; n++) {
    s += n == cur ? '<b>' + n + '</b>' : '<a href="list.jsp?pageNo=' + n + '">' + n + '</a>';
  }
  $('#pages').html(s);
}
/* decoys: a year's options, a tab bar of as many tabs as pages */
function yearOptions(from, to, selected) {
  var s = '';
  for (var y = from; y <= to; y++) {
    s += '<option value="' + y + '"' + (y == selected ? ' selected' : '') + '>' + y + '年</option>';
  }
  document.getElementById('year').innerHTML = s;
}
function tabBar(count, active) {
  for (var t = 1; t <= count; t++) {
    document.getElementById('tab_' + t).className = t == active ? 'on' : '';
  }
}
