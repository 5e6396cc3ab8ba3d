"""What a page's script asks and draws, by CMS family: the API and JSON/JSONP/XML answers its lists come from
(``scriptapis``, ``wrappers``, ``jsonlinks``, ``xmlanswers``), zTree and gkmlpt catalogs, Next.js pages, Jeecms's
attachments (``jeecms``), and a single-page application's bundles, chunks and hash routes read for its lists and
reports."""
