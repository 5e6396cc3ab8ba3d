"""Alerts: the outbox written with each change, digests delivered exactly once, the mail format and sink."""
