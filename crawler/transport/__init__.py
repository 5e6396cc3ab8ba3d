"""Politeness, challenges and transport: legacy TLS, politeness shared across crawl processes, anti-bot script
challenges, and pages a firewall or CDN answers in the site's place."""
