"""Which hosts a crawl may enter and under which name each is read, so that a page is fetched once and a report
yielded once: scope, www/bare and scheme twins, twin origins on other ports, mobile copies, and the volatile
parts of an address."""
