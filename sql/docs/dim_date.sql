-- what dim_date holds, for `newsetl describe dim_date` and any DuckDB client
comment on table dim_date is 'Calendar dates 2000-2035 for joining published and run dates.';
comment on column dim_date.date_day is 'the date';
comment on column dim_date.date_year is 'its year';
comment on column dim_date.date_quarter is 'its quarter, 1-4';
comment on column dim_date.date_month is 'its month, 1-12';
