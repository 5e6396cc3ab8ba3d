$(function () {
  var setting = {data: {simpleData: {enable: true}}, view: {showIcon: false}};
  $.ajax({url: '/xxgk/api/deptTree', dataType: 'jsonp', jsonp: 'callback', data: {siteCode: 'lsx'},
    success: function (res) { $.fn.zTree.init($('#deptTree'), setting, res.data); }});
});
