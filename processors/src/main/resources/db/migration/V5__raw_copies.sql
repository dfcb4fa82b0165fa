-- MedRelay store, version 5: a raw copy of every inbound HL7v2 message, with its SHA-256, so integrity can be shown
-- (`medrelay messages verify`). Portable between H2 (embedded default) and PostgreSQL (production), as V1.
--
-- Payload columns (hl7_message.raw_message, message_error.raw_message, work_item.draft_payload and edited_payload)
-- hold either the bytes in clear or, with medrelay.encryption.enabled=true, a sealed payload: AES-256-GCM with a
-- header naming the key id (SealedPayloadFormat). Which one a value is, the value says; no column is needed.

-- The bytes as received (before any character set decoding), written by processing from the durable queue copy,
-- and the SHA-256 (hex) of those bytes in clear. Null for messages logged before this version.
alter table hl7_message add column raw_message bytea;
alter table hl7_message add column raw_sha256 varchar(64);
-- The character set the bytes were decoded with (MSH-18), to show them as text.
alter table hl7_message add column charset varchar(40);

-- The SHA-256 (hex) of message_error.raw_message in clear. Null for rows stored before this version: a hash
-- computed now would only vouch for what the row holds today.
alter table message_error add column raw_sha256 varchar(64);
