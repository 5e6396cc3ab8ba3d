var listPage = {
  channelId: $("#channelId").val(),
  table_ajax: function () {
    $.ajax({
      url: '/common/search/' + this.channelId
        + '?_isAgg=true&_isJson=true&_pageSize=' + parseInt($("#pageSize").val())
        + '&_template=index&_rangeTimeGte=&_channelName=&page=' + parseInt($("#page").val()),
      type: 'get',
      success: function (data) {
        table_page(data.data.total);
        table_each("list", ajax_success(data));
      }
    });
  }
};
function table_page(totalHits) {
  var pageSize = parseInt($("#pageSize").val());
  var page = parseInt($("#page").val());
  var pageNum = Math.floor((totalHits + pageSize - 1) / pageSize);
  $("#page_div").html(pageNum > 1 ? '<a class="nextpage" href="javascript:void(0)">下一页</a>' : '');
}
function ajax_success(data) { return data.data.results; }
function table_each(id, rows) {
  $.each(rows, function (i, row) {
    $("#" + id).append('<li class="sp"><a href="' + row.url + '" target="_blank">' + row.title + '</a><em>'
      + row.publishedTimeStr.substring(0, 10) + '</em></li>');
  });
}
$(function () { listPage.table_ajax(); });
