"""Crawls for the archive: one job now or on schedule, and the Scrapy components that archive what it fetches."""
