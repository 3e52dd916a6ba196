-- label of a per-project size band [size_min, size_max) in yuan
create or replace macro band_label(size_min, size_max) as
    case
        when size_min is null and size_max is null then 'all sizes'
        when size_max is null then yuan_label(size_min) || ' yuan and above'
        when size_min is null or size_min = 0 then 'below ' || yuan_label(size_max) || ' yuan'
        else yuan_label(size_min) || ' to ' || yuan_label(size_max) || ' yuan'
    end;
