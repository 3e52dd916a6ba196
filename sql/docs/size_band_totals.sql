-- what size_band_totals holds, for `newsetl describe size_band_totals` and any DuckDB client
comment on view size_band_totals is 'Disjoint per-project size bands per event, derived from the cumulative bands reports state (167 projects of 1 billion and above, 7 of 10 billion and above, 703 in all -> 7 / 160 / 536); bands of a subset are left out. The bands of an event add up to its headline total.';
comment on column size_band_totals.event_id is 'the event (dim_event.event_id): a known event per edition year, else the folded name and year, else the article';
comment on column size_band_totals.event_name is 'name of the event (dim_event.event_name: as its first article by file name names it), without edition year or ordinal; NULL if none';
comment on column size_band_totals.event_year is 'year the figures belong to (the edition year of the event)';
comment on column size_band_totals.band_min is 'lower bound of the band, yuan per project; NULL for the band below the lowest stated bound';
comment on column size_band_totals.band_max is 'upper bound of the band, yuan per project (exclusive); NULL for an open top band';
comment on column size_band_totals.band_label is 'the band in words (1 billion to 10 billion yuan)';
comment on column size_band_totals.projects is 'projects in the band';
comment on column size_band_totals.investment_cny is 'investment of the projects in the band, yuan, DECIMAL(18,2); NULL when a report gives counts only';
comment on column size_band_totals.is_derived is 'the band is computed (a difference of cumulative bands or the remainder of the total), not stated by a report';
