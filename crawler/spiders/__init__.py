"""The spider ``reports`` (``reports.ReportsSpider``) and the mixins it is composed of, one a way to reports:
``sitemaps``, ``search``, ``scripts``, ``details``, ``reportparts``."""
