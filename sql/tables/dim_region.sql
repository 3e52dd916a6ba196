-- Chinese provinces, prefecture and county-level cities (flows/lexicons/places.csv)
create table if not exists dim_region (
    name_en varchar not null,
    name_zh varchar not null,
    level varchar not null,             -- province | prefecture | county
    province_en varchar not null
);
