-- warehouse metadata: schema_version (a hash of sql/tables/*.sql) decides rebuilds
create table if not exists meta (
    meta_key varchar not null,
    meta_value varchar
);
