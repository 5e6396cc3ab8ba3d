$(function () {
  $('.tabs .tab').on('click', function () { loadList($(this).data('src')); });
  $('.tabs .tab').first().click();
});
function loadList(src) {
  $.getJSON(src, function (d) {
    $('#list').html(d.list.map(function (i) {
      return '<li><a href="' + i.url + '">' + i.title + '</a><span>' + i.date + '</span></li>';
    }).join(''));
  });
}
