-- The sandbox EHR's resource store. Its own migration location (db/sandbox-fhir) and history table
-- (sandbox_fhir_schema_history) keep it apart from MedRelay's store, which owns db/migration.

-- One row per logical resource, pointing at its current version. A deleted resource keeps its row
-- (deleted = TRUE) so its id is never reused and its history stays readable.
CREATE TABLE fhir_resource (
    resource_type VARCHAR(64)                 NOT NULL,
    resource_id   VARCHAR(64)                 NOT NULL,
    version_id    BIGINT                      NOT NULL,
    last_updated  TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    deleted       BOOLEAN                     NOT NULL,
    CONSTRAINT pk_fhir_resource PRIMARY KEY (resource_type, resource_id)
);
CREATE INDEX ix_fhir_resource_last_updated ON fhir_resource (resource_type, last_updated);

-- Every version ever written (vread, _history). resource_json is NULL for a deletion.
CREATE TABLE fhir_resource_version (
    resource_type VARCHAR(64)                 NOT NULL,
    resource_id   VARCHAR(64)                 NOT NULL,
    version_id    BIGINT                      NOT NULL,
    last_updated  TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    resource_json CLOB,
    CONSTRAINT pk_fhir_resource_version PRIMARY KEY (resource_type, resource_id, version_id),
    CONSTRAINT fk_fhir_resource_version FOREIGN KEY (resource_type, resource_id)
        REFERENCES fhir_resource (resource_type, resource_id)
);

-- The identifier search parameter of the current version: one row per (system, value) token.
-- identifier_system is '' for an identifier without a system, so "|value" can match it exactly.
CREATE TABLE fhir_identifier_index (
    resource_type     VARCHAR(64)   NOT NULL,
    resource_id       VARCHAR(64)   NOT NULL,
    identifier_system VARCHAR(1024) NOT NULL,
    identifier_value  VARCHAR(1024) NOT NULL,
    CONSTRAINT fk_fhir_identifier_index FOREIGN KEY (resource_type, resource_id)
        REFERENCES fhir_resource (resource_type, resource_id)
);
CREATE INDEX ix_fhir_identifier_token ON fhir_identifier_index (resource_type, identifier_value, identifier_system);
CREATE INDEX ix_fhir_identifier_owner ON fhir_identifier_index (resource_type, resource_id);

-- The patient / subject / beneficiary reference search parameters of the current version.
CREATE TABLE fhir_reference_index (
    resource_type VARCHAR(64) NOT NULL,
    resource_id   VARCHAR(64) NOT NULL,
    param_name    VARCHAR(64) NOT NULL,
    target_type   VARCHAR(64) NOT NULL,
    target_id     VARCHAR(64) NOT NULL,
    CONSTRAINT fk_fhir_reference_index FOREIGN KEY (resource_type, resource_id)
        REFERENCES fhir_resource (resource_type, resource_id)
);
CREATE INDEX ix_fhir_reference_target ON fhir_reference_index (resource_type, param_name, target_id, target_type);
CREATE INDEX ix_fhir_reference_owner ON fhir_reference_index (resource_type, resource_id);

-- One row per resource type; a write locks its type's row (SELECT ... FOR UPDATE) until commit.
-- See TypeWriteLock for why conditional writes are made safe this way rather than by a unique constraint.
CREATE TABLE fhir_type_write_lock (
    resource_type VARCHAR(64) NOT NULL,
    CONSTRAINT pk_fhir_type_write_lock PRIMARY KEY (resource_type)
);
