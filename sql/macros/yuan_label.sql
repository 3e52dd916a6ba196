-- human label for an amount in yuan: 1e10 -> '10 billion', 5e7 -> '50 million'
create or replace macro yuan_label(x) as
    case
        when x is null then 'n/a'
        when x >= 1e12 then rtrim(rtrim(printf('%.2f', x / 1e12), '0'), '.') || ' trillion'
        when x >= 1e9 then rtrim(rtrim(printf('%.2f', x / 1e9), '0'), '.') || ' billion'
        when x >= 1e6 then rtrim(rtrim(printf('%.2f', x / 1e6), '0'), '.') || ' million'
        else printf('%.0f', x)
    end;
