"""Readers: bytes of one format in (sniffed, never by name), reader-neutral document lines out."""
