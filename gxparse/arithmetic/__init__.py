"""Figures placed by a table's own arithmetic: rows short or long (``realign``), zeros printed as empty cells
(``placement``), rows known only as a set of figures (``multiset``) and text boxes tiled into the grid
(``tiling``). Each reads a cell only where every reading that keeps the table's sums agrees on it."""
