-- when two amounts are one amount (flows/lexicons/tolerances.csv): |a - b| <= relative * max
create table if not exists dim_tolerance (
    tolerance_name varchar not null,
    relative double not null,
    meaning varchar
);
