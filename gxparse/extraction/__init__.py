"""Tables as PDF-to-text tools write them: a cell per line (``cellstream``), a row's figures split into
blocks (``splitrows``), labels apart from their figures (``tailrows``), layout-kept columns with empty cells
(``textcolumns``) and pdfminer.six's text boxes under header words (``s4boxes``)."""
