-- MedRelay store, version 2: the audit trail. Portable between H2 (embedded default) and PostgreSQL.

-- One row per audited action, append-only. id is the entry's place in the hash chain, assigned under the
-- chain-head lock (not an identity, whose gaps would hide a deleted row). entry_hash is the SHA-256 of the
-- entry's canonical content, which includes previous_hash: the hash of the entry before it, or of the
-- genesis value for entry 1. patient_key is a pseudonymous key (a hash of PID-3), never a name or an MRN.
create table audit_event (
    id                  bigint        not null primary key,
    recorded_at         timestamp with time zone not null,
    actor               varchar(200)  not null,
    action              varchar(40)   not null,
    patient_key         varchar(64),
    source_message      varchar(700),
    target              varchar(400),
    outcome             varchar(20)   not null,
    outcome_reason      varchar(400),
    interface_name      varchar(100),
    previous_hash       varchar(64)   not null,
    entry_hash          varchar(64)   not null
);

create index ix_audit_event_recorded_at on audit_event (recorded_at);
create index ix_audit_event_patient on audit_event (patient_key);

-- The end of the chain: one row, locked by every append (select ... for update), so appends from any
-- number of threads, consumers or processes line up one after the other and the chain never forks.
create table audit_chain_head (
    id                  integer       not null primary key,
    last_id             bigint        not null,
    last_hash           varchar(64)   not null
);

-- The genesis value (64 zeros) that entry 1 chains to; AuditEntryHash.GENESIS in the code.
insert into audit_chain_head (id, last_id, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Where verification starts once old entries were purged for retention: the first entry kept and the
-- hash of the last entry purged. At most one row; the purge that wrote it is itself an entry in the chain.
create table audit_chain_anchor (
    id                  integer       not null primary key,
    first_id            bigint        not null,
    previous_hash       varchar(64)   not null,
    purged_from_id      bigint        not null,
    purged_at           timestamp with time zone not null
);

-- Error-store rows are recorded in the audit trail after the fact (the MLLP ACK path does no audit write);
-- audited_at says which ones are. Rows from before this version are recorded on the first run.
alter table message_error add column audited_at timestamp with time zone;

create index ix_message_error_audited on message_error (audited_at);
