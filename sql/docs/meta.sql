-- what meta holds, for `newsetl describe meta` and any DuckDB client
comment on table meta is 'Internal: warehouse metadata; schema_version (a hash of sql/tables/*.sql) decides rebuilds.';
comment on column meta.meta_key is 'name of the setting';
comment on column meta.meta_value is 'its value';
