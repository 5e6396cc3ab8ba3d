function loadList(param) {
  $.ajax({url: '/jyj/api/article/list', type: 'POST', contentType: 'application/json;charset=UTF-8',
    data: JSON.stringify(param), dataType: 'json',
    success: function (res) {
      var html = '';
      $.each(res.data.records, function (i, r) {
        html += '<li><a href="' + r.linkUrl + '" target="_blank">' + r.title + '</a><span>' + r.publishTime + '</span></li>';
      });
      $('#articleList').html(html);
      layui.laypage.render({elem: 'pager', count: res.data.total, limit: param.pageSize, curr: param.pageNo,
        jump: function (obj, first) { if (!first) { param.pageNo = obj.curr; loadList(param); } }});
    }});
}
