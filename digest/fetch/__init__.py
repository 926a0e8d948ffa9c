"""``digest fetch``: the outlets' news brought into raw/, politely and incrementally.

Collect -> clean: this package finds article pages in feeds, sitemaps and page URLs
(:mod:`~digest.fetch.sources`), downloads them through one polite client
(:mod:`~digest.fetch.client`: robots.txt, per-host delay, retries, conditional requests,
a byte cap, refused private addresses) and writes each page with its provenance into raw/
(:mod:`~digest.fetch.store`), where ingest reads it. It knows nothing of the build.
"""
