"""Layout: tables rebuilt from positioned text (PDF characters, OCR words) and from grids with merged cells."""
