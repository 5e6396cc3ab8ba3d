"""What reads a report page and its parts into the document yielded: its kind, its further pages, the
attachments that are parts of it and the pictures of its tables bundled as MHTML, the report a page shows but
does not hold, soft 404s, validators for the next crawl, and gxparse run in worker processes."""
