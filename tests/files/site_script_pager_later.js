/* 周口市财政局 page.js, the later pages' case written first and the first page's in the else branch */
function turnPage(n) {
  var url;
  if (n != 1) url = 'list_' + n + '.html';
  else url = 'index.html';
  location.href = url;
}
function goPage(n) {
  location.href = n > 1 ? 'list_' + n + '.html' : 'index.html';
}
