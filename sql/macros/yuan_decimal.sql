-- an amount in yuan for the marts: DECIMAL(18,2), so sums of doubles show no float noise
-- (0.1e9 + 0.2e9 = 300000000.00000006 -> 300000000.00); NULL beyond 10^16 yuan, which no
-- report states
create or replace macro yuan_decimal(x) as try_cast(round(x, 2) as decimal(18, 2));
