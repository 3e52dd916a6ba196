-- staging views live in their own schema, so that analysts see the marts (main) first
create schema if not exists staging;
-- a warehouse built before the staging schema existed kept them in main: gone on the next run
drop view if exists main.stg_cohort;
drop view if exists main.stg_fact;
drop view if exists main.stg_event_scope;
