"""Ingest: raw scraped pages in, clean articles in content/ out.

The steps, each in its own module:

- :mod:`.decode` bytes to clean text (encodings, mojibake, characters feeds cannot carry);
- :mod:`.textdump` (text dumps) or :mod:`.html` (HTML pages) extract the article into an
  :class:`~.model.Extraction`, with :mod:`.metadata`, :mod:`.dates` and :mod:`.structure`;
- :mod:`.topic` and :mod:`.slug` decide where it goes; :mod:`.dedupe` whether it is new;
- :mod:`.store` writes it atomically, never over an editor's work;
- :mod:`.pipeline` runs the steps over files and folders and reports on each file;
  :mod:`.cli` is the ``digest ingest`` command.
"""
