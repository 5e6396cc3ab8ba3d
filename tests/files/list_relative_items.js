/* list.js of a 政府信息公开年报 column: its answer's items name their pages relative to the column, not the API */
$(function () {
  $.getJSON('/api/cms/list.json', { channelId: 12, pageNo: 1 }, function (res) {
    var html = '';
    $.each(res.data, function (i, item) {
      html += '<li><a href="' + location.origin + '/xxgk/ndbg/' + item.url + '" target="_blank">' + item.title +
        '</a><span>' + item.date + '</span></li>';
    });
    $('#list').html(html);
  });
});
