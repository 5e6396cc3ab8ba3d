/* 周口市财政局 page.js, its first page special-cased by an if statement, as many CMS pagers write it */
function turnPage(n) {
  if (n == 1) {
    location.href = 'index.html';
  } else {
    location.href = 'index_' + n + '.html';
  }
}
function showTab(n) {
  document.getElementById('tab_' + n).style.display = 'block';
}
function goPage(n) {
  if (n == 1) alert('已是首页');
  else location.href = 'index_' + n + '.html';
}
