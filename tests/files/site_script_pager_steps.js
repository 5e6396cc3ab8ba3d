/* A site's page.js drawing only 下一页/上一页 (no loop over the pages), as ezEIP-era county platforms ship it. */
function showPage(total, cur, id) {
    var s = '';
    if (cur < total) {
        s += '<a href="/channels/' + id + '_' + (cur + 1) + '.html">下一页</a>';
    }
    if (cur > 1) {
        s += '<a href="/channels/' + id + (cur == 2 ? '' : '_' + (cur - 1)) + '.html">上一页</a>';
    }
    document.getElementById('pager').innerHTML = s;
}

/* The same step with no count to bound it: how many pages there are it does not say. */
function nextOnly(cur, id) {
    document.getElementById('pager').innerHTML = '<a href="/channels/' + id + '_' + (cur + 1) + '.html">下一页</a>';
}
