-- yuan per unit of a currency by year (flows/lexicons/fx_rates.csv); amount_cny uses the rate
-- of the event's year, or the nearest year on file
create table if not exists dim_fx_rate (
    currency varchar not null,
    rate_year integer not null,
    cny_per_unit double not null
);
