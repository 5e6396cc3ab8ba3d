/* 周口市财政局 page.js, as TRS WCM numbers a list's pages: index.html, then index_1.html for page 2 */
function turnPage(n) {
  var url = n == 1 ? 'index.html' : 'index_' + (n - 1) + '.html';
  location.href = url;
}
