-- what was read, with the rules' fingerprint: a file loaded by other rules is read again
delete from raw_file where path in (select path from batch_file where status <> 'unchanged');

update raw_file set mtime_ns = batch_file.mtime_ns
from batch_file
where raw_file.path = batch_file.path and batch_file.status = 'unchanged'
    and raw_file.mtime_ns is distinct from batch_file.mtime_ns;

insert into raw_file by name
select path, content_hash, size_bytes, mtime_ns,
    case when status = 'quarantined' then 'quarantined' else 'loaded' end as status,
    $version as extractor_version, $run_id as run_id, now() as seen_at
from batch_file where status <> 'unchanged';
