-- the 20 sector codes of the contract, reseeded from flows/lexicons/sectors.csv on every run
create table if not exists dim_sector (
    sector_code varchar not null,
    parent_code varchar,
    name_en varchar not null,
    name_zh varchar not null
);
