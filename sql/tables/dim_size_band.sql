-- per-project size bands (yuan) that the facts use, rebuilt after each load
create table if not exists dim_size_band (
    band_id varchar not null,           -- '1e9-' (1 billion and above), '5e9-1e10'
    size_min double,
    size_max double,
    label_en varchar not null
);
