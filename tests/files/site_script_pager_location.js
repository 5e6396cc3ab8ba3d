/* pager.js of a county site: the pager's addresses written from the page's origin, its first page named in the loop */
function drawPager(total, current) {
  var html = '';
  for (var i = 0; i < total; i++) {
    var href;
    if (i == 0) href = window.location.origin + '/xxgk/ndbg/index.html';
    else href = window.location.origin + '/xxgk/ndbg/index_' + i + '.html';
    html += i == current ? '<b>' + (i + 1) + '</b>' : '<a href="' + href + '">' + (i + 1) + '</a>';
  }
  document.getElementById('pager').innerHTML = html;
}
function goPage(n) {
  location.href = location.protocol + '//' + location.host + '/xxgk/ndbg/index_' + n + '.html';
}
