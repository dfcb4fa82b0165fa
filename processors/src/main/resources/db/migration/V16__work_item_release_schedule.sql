-- When an approved item whose release failed is tried next (null: at the next poll). Retries back off, and
-- the retry poll takes the items due soonest, so drafts an endpoint keeps refusing never hold the others back.
alter table work_item add column next_release_at timestamp with time zone;
create index ix_work_item_status_next_release on work_item (status, next_release_at);
