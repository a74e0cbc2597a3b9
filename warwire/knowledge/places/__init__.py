"""Place data: the built gazetteer table, curated places and regions, folding rules, stoplists (see ATTRIBUTION.md)."""
