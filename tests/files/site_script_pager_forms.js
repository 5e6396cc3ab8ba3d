/* pager.js of a site: pager functions written in other forms public pagers use */
function pageBar(total, cur, prefix) {
  var s = '';
  for (var i = 1; i < total + 1; i++) {
    if (i == cur) s += '<span class="on">' + i + '</span>';
    else s += '<a href="' + prefix + i + '.html">' + i + '</a>';
  }
  document.getElementById('pager').innerHTML = s;
}
function pageList(count, now) {
  var s = '';
  for (var k = 0; k <= count - 1; k++) {
    s += k == now ? '<b>' + (k + 1) + '</b>' : '<a href="index_' + k + '.shtml">' + (k + 1) + '</a>';
  }
  document.write(s);
}
function drawPages(count, now) {
  var base = 'list_';
  var html = '';
  for (var i = 1; i <= count; i++) {
    var url = base + i + '.html';
    html += i == now ? '<b>' + i + '</b>' : '<a href="' + url + '">' + i + '</a>';
  }
  $('#pages').html(html);
}
function turnPage(n) {
  window.location.href = 'index' + (n == 1 ? '' : '_' + (n - 1)) + '.html';
}
function toPage(n) {
  window.location.href = 'list' + (n > 1 ? '_' + n : '') + '.html';
}
