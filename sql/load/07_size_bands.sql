delete from dim_size_band;

insert into dim_size_band by name
select distinct
    coalesce(cast(size_min as varchar), '') || '-' || coalesce(cast(size_max as varchar), '') as band_id,
    size_min, size_max, band_label(size_min, size_max) as label_en
from fct_cohort_mention
where size_min is not null or size_max is not null;
