var webBuilderCommon = {"siteGuid": "7eb5f7f1-9041-43ad-8e13-8fcb82ea831a", "siteName": "周口市生态环境局", "isStatic": "0"};
