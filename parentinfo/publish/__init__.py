"""Publishing: the manifest, the atomic switch of site/, and merging shards."""
