/* 站点公共配置 */
var baseURL = "/jyj/api";
var siteName = "周口市教育局";
