/* page.js of a JSP list: its pages asked by their query, after the page's name or alone, or by name to an anchor */
function turnPage(n) {
  window.location.href = 'list.jsp?pageNo=' + n + '&channelId=1024';
}
function goPage(n) {
  location.href = '?pageNo=' + n;
}
function toPage(n) {
  window.location.href = "index_" + n + ".html#list";
}
function showTab(n) {
  $('#' + 'tab?' + n).show();
}
