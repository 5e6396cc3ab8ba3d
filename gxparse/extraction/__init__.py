"""Tables as PDF-to-text tools write them: a cell per line (``cellstream``), a row's figures split into
blocks (``splitrows``), labels apart from their figures (``tailrows``), layout-kept columns with empty cells
(``textcolumns``), pdfminer.six's text boxes under header words (``s4boxes``) and its boxes holding columns side
by side, whose figures' columns the text does not show (``sidebyside``), and tables written a page at a time, each
page's rows a column at a time (``pagebands``)."""
