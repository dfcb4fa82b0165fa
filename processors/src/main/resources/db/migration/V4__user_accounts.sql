-- MedRelay store, version 4: the people who use the API and the console. One row per person (no shared
-- accounts); made with `medrelay users add`, never by the engine itself. Portable between H2 and PostgreSQL.

-- password_hash is "pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>": the iteration count travels with the
-- hash, so raising medrelay.access.password-iterations applies to new passwords without breaking old ones.
-- failed_logins counts consecutive failures; at medrelay.access.lockout-attempts the account is locked until
-- locked_until. break_glass_until / break_glass_reason: an emergency grant (`medrelay users break-glass`),
-- the reason kept here and not in the audit trail, because a person typed it and it may name a patient.
create table user_account (
    username            varchar(64)   primary key,
    role                varchar(20)   not null,
    password_hash       varchar(300)  not null,
    disabled            boolean       not null,
    failed_logins       integer       not null,
    locked_until        timestamp with time zone,
    break_glass_until   timestamp with time zone,
    break_glass_reason  varchar(500),
    created_at          timestamp with time zone not null,
    created_by          varchar(200)  not null,
    updated_at          timestamp with time zone not null
);
