/* page.js of a JSP list: its pages asked by their query, after the page's name or alone */
function turnPage(n) {
  window.location.href = 'list.jsp?pageNo=' + n + '&channelId=1024';
}
function goPage(n) {
  location.href = '?pageNo=' + n;
}
function showTab(n) {
  $('#' + 'tab?' + n).show();
}
