-- calendar dates 2000-2035 for joining published and run dates
create table if not exists dim_date (
    date_day date not null,
    date_year integer not null,
    date_quarter integer not null,
    date_month integer not null
);
