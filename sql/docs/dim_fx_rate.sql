-- what dim_fx_rate holds, for `newsetl describe dim_fx_rate` and any DuckDB client
comment on table dim_fx_rate is 'Yuan per unit of a currency by year (flows/lexicons/fx_rates.csv); amount_cny uses the rate of the event''s year, or the nearest year on file.';
comment on column dim_fx_rate.currency is 'ISO 4217 code';
comment on column dim_fx_rate.rate_year is 'year of the rate';
comment on column dim_fx_rate.cny_per_unit is 'yuan per one unit of the currency';
