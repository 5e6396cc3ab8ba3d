document.writeln('<div class="xzjd"><h4>街道信息公开</h4><ul>');
document.writeln('<li><a href="/zwgk/jdxxgk/cnjd/index.html" target="_blank">城南街道</a></li>');
document.writeln("<li><a href=\"/zwgk/jdxxgk/cbjd/index.html\" target=\"_blank\">" + '城北街道</a></li>');
document.writeln('<li><a href="' + jdUrl + '">' + jdName + '</a></li>');
document.writeln('</ul></div>');
