/* 周口市财政局 page.js, its first page named for any number up to 1 (turnPage(0) from a 上一页 on page 1) */
function turnPage(n) {
  var url = n <= 1 ? 'index.html' : 'index_' + n + '.html';
  location.href = url;
}
