-- project stages, ordered along a project's life
create table if not exists dim_stage (
    stage varchar not null,
    stage_order integer not null,
    name_en varchar not null,
    name_zh varchar not null
);
