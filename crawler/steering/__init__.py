"""What the crawl asks next and when it stops asking: the frontier's scores and the report verdicts they lean
on, a list's other pages (pagers and pager plugins), a site's own search, traps, documents held for their list,
and the budget that drops a queued request when its turn comes."""
