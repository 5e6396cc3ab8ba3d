var countnum= 4;
var currentPage=0;
var prevPage=currentPage-1
var nextPage=currentPage+1
var countPage=2
var endPage=countPage-1
document.write("<a href=\"index.html\" target=\"_self\" >首页</a>&nbsp;&nbsp;");
if(countPage>1&&currentPage!=0&&currentPage!=1)
    document.write("<a  href=\"index"+"_"+prevPage+"."+"html\" target=\"_self\">上一页</a>&nbsp;&nbsp;");
else if(countPage>1&&currentPage!=0&&currentPage==1)
    document.write("<a  href=\"index.html\" target=\"_self\">上一页</a>&nbsp;&nbsp;");
else
    document.write("<span class='bg'>上一页</span>&nbsp;&nbsp;");
var num=6;
var startPage=currentPage-2;
if(startPage<0)startPage=0;
var endpage=startPage+num;
if(endpage>countPage)
    endpage=countPage;
startPage=endpage-6;
if(startPage<0)startPage=0;
for(var i=startPage;i<endpage;i++){
    if(currentPage==i)
        document.write("<span class='now'>"+(i+1)+"</span>&nbsp;&nbsp;");
    else if(i==0){
        document.write("<a  href=\"index.html\" target=\"_self\" class='pnum'>"+1+"</a>&nbsp;&nbsp;");
    }else
        document.write("<a href=\"index"+"_"+i+"."+"html\" target=\"_self\" class='pnum'>"+(i+1)+"</a>&nbsp;&nbsp;");}
if(countPage>1&&currentPage!=(countPage-1))
    document.write("<a href=\"index"+"_"+nextPage+"."+"html\" target=\"_self\">下一页</a>&nbsp;&nbsp;");
else
    document.write("<span class='bg'>下一页</span>&nbsp;&nbsp;");
if(countPage==1)
    document.write("<a  href=\"index.html\" target=\"_self\">尾页</a>");
else if(countPage>1)
    document.write("<a  href=\"index_"+endPage+".html\" target=\"_self\">尾页</a>");
