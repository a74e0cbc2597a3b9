"""The knowledge warwire reads: word lists, triggers, taxonomy, gazetteers and the packs of each war."""
