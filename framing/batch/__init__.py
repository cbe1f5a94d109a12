"""Many articles: worker processes here or on a Dask cluster, the result cache, partitioned output."""
