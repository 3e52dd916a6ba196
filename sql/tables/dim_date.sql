-- calendar dates 2000-2035 for joining published and run dates
create table if not exists dim_date (
    date_day date not null,
    date_year integer not null,
    date_quarter integer not null,
    date_month integer not null
);

insert into dim_date
select d::date, year(d), quarter(d), month(d)
from range(date '2000-01-01', date '2036-01-01', interval 1 day) as t(d)
where not exists (select 1 from dim_date);
