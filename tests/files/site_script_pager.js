/* 周口市财政局 page.js: the list's pager, the print window and the column's tabs */
function openWin(w, h) {
  window.open('about:blank', '_blank', 'width=' + w + ',height=' + h + ',scrollbars=yes');
}
function turnPage(n) {
  location.href = n == 1 ? 'index.html' : 'index_' + n + '.html';
}
function showTab(n) {
  document.getElementById('tab_' + n).style.display = 'block';
}
