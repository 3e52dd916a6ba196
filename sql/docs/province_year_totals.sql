-- what province_year_totals holds, for `newsetl describe province_year_totals` and any DuckDB client
comment on view province_year_totals is 'Per host province and year: how many events and the sum of their headline totals (each event counted once).';
comment on column province_year_totals.province is 'host province of the events, English name; NULL when unknown';
comment on column province_year_totals.event_year is 'edition year; NULL when unknown';
comment on column province_year_totals.events is 'events hosted';
comment on column province_year_totals.events_with_project_count is 'events whose headline total gives a project count';
comment on column province_year_totals.projects is 'sum of the events'' headline project counts';
comment on column province_year_totals.investment_cny is 'sum of the events'' headline investment, yuan, DECIMAL(18,2)';
