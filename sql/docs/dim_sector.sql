-- what dim_sector holds, for `newsetl describe dim_sector` and any DuckDB client
comment on table dim_sector is 'The 20 sector codes of the contract with their parent (flows/lexicons/sectors.csv, reseeded every run).';
comment on column dim_sector.sector_code is 'the sector code';
comment on column dim_sector.parent_code is 'the sector one level up; NULL for a top-level sector';
comment on column dim_sector.name_en is 'English name';
comment on column dim_sector.name_zh is 'Chinese name';
