-- what dim_tolerance holds, for `newsetl describe dim_tolerance` and any DuckDB client
comment on table dim_tolerance is 'When two amounts are one amount (flows/lexicons/tolerances.csv): |a - b| <= relative * max(|a|, |b|).';
comment on column dim_tolerance.tolerance_name is 'where the tolerance applies';
comment on column dim_tolerance.relative is 'relative tolerance (0.005 = half a percent)';
comment on column dim_tolerance.meaning is 'what the tolerance is for';
