-- what dim_region holds, for `newsetl describe dim_region` and any DuckDB client
comment on table dim_region is 'Chinese provinces, prefecture and county-level cities (flows/lexicons/places.csv).';
comment on column dim_region.name_en is 'English name';
comment on column dim_region.name_zh is 'Chinese name';
comment on column dim_region.level is 'province, prefecture or county';
comment on column dim_region.province_en is 'English name of the province it lies in';
