"""The readers of the tables of sections 二, 三 and 四: ``s2``, ``s3`` and ``s4``, and what two or more of them
share (``tableread``)."""
