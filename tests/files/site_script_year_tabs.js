/* 周口市审计局 sjj.js: a year's list loaded into the page, its items opened in a window */
function loadYear(url) {
  $('#list').load(url);
}
function goUrl(id) {
  window.open('/xxgk/ndbg/art/' + id + '.html');
}
