-- Runs on PostgreSQL 15+ and on H2 (MODE=PostgreSQL): keep to the common dialect.

-- When a guest visitor (role GUEST, decision 0018) last got a credential; null for signed-in accounts. The
-- guest retention sweep deletes a guest account that owns no chat and was not seen for the guest period: a
-- credential lasts at most a day and the period is at least one, so no live credential names a deleted one.
alter table accounts add column last_visit_at timestamp with time zone;
update accounts set last_visit_at = created_at where role = 'GUEST';
