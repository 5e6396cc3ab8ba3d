/* 周口市人民政府门户网站 公共脚本 */
function addFavorite(url, title) {
  try { window.external.addFavorite(url, title); } catch (e) { alert('请使用Ctrl+D进行添加'); }
}
function goUrl(id) {
  window.open('/xxgk/ndbg/art/' + id + '.html');
}
function viewInfo(id) {
  location.href = '/xxgk/ndbg/content_' + id + '.html';
}
