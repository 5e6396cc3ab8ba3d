"""What reads links and lists from a page: every link with what a person reads around it (``links``), the
leading text of its elements, tables of agencies by years, ``data-`` addresses, loaded fragments and templates,
the URLs a page's own functions build, and the date and publisher its metadata line names."""
