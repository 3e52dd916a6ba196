-- what dim_size_band holds, for `newsetl describe dim_size_band` and any DuckDB client
comment on table dim_size_band is 'Per-project size bands (yuan) the mentions use, rebuilt after each load.';
comment on column dim_size_band.band_id is 'the bounds as text: ''1e9-'' (1 billion and above), ''5e9-1e10''';
comment on column dim_size_band.size_min is 'lower bound, yuan; NULL if open';
comment on column dim_size_band.size_max is 'upper bound, yuan (exclusive); NULL if open';
comment on column dim_size_band.label_en is 'the band in words';
