-- the words that name each sector, in English and Chinese (the extraction lexicons)
create table if not exists dim_sector_term (
    sector_code varchar not null,
    lang varchar not null,
    term varchar not null
);
