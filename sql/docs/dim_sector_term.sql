-- what dim_sector_term holds, for `newsetl describe dim_sector_term` and any DuckDB client
comment on table dim_sector_term is 'The words that name each sector in English and Chinese (the extraction lexicons sectors_en.csv, sectors_zh.csv).';
comment on column dim_sector_term.sector_code is 'the sector (dim_sector.sector_code)';
comment on column dim_sector_term.lang is 'en or zh';
comment on column dim_sector_term.term is 'a word or phrase that names the sector';
