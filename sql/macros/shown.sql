-- a value as text for messages, 'n/a' for NULL (format() would turn the whole message NULL)
create or replace macro shown(x) as coalesce(cast(x as varchar), 'n/a');
