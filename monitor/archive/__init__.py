"""The archive: Report → Version → Change, every fetch recorded, raw bytes kept; its schema, store and queries."""
