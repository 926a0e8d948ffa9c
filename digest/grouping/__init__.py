"""Story grouping: which articles report the same news event, across outlets and languages.

- :mod:`digest.grouping.features`: language-independent keys of one article (pure function);
- :mod:`digest.grouping.index`: the articles by day (the date window), their features as numbers;
- :mod:`digest.grouping.assign`: similarity and the choice of story for a new article;
- :mod:`digest.grouping.record`: which ids digest wrote (so hand-set ones are kept);
- :mod:`digest.grouping.ingest`: the step ``digest ingest`` runs for each page it writes;
- :mod:`digest.grouping.regroup`: ``digest stories``, regrouping the whole store.
"""
