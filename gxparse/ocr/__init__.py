"""Scans: pages straightened, words read by Tesseract, number cells re-read, labels snapped to the template."""
