/* 周口市财政局 page.js: the list's pager and the print window */
function openWin(w, h) {
  window.open('about:blank', '_blank', 'width=' + w + ',height=' + h + ',scrollbars=yes');
}
function turnPage(n) {
  location.href = n == 1 ? 'index.html' : 'index_' + n + '.html';
}
