-- The string (family, given, name) and date (birthdate) search parameters of the current version.
-- Rows for resources written before this migration are filled in when the server starts (SearchIndexRebuild).

-- normalized_value is lower case without accents, for FHIR's default "starts with, ignoring case and accents";
-- exact_value is the value as written, for :exact.
CREATE TABLE fhir_string_index (
    resource_type    VARCHAR(64)   NOT NULL,
    resource_id      VARCHAR(64)   NOT NULL,
    param_name       VARCHAR(64)   NOT NULL,
    normalized_value VARCHAR(1024) NOT NULL,
    exact_value      VARCHAR(1024) NOT NULL,
    CONSTRAINT fk_fhir_string_index FOREIGN KEY (resource_type, resource_id)
        REFERENCES fhir_resource (resource_type, resource_id)
);
CREATE INDEX ix_fhir_string_value ON fhir_string_index (resource_type, param_name, normalized_value);
CREATE INDEX ix_fhir_string_owner ON fhir_string_index (resource_type, resource_id);

-- A date value as the days it covers: 1980 is 1980-01-01..1980-12-31, 1980-05-14 is that day alone.
CREATE TABLE fhir_date_index (
    resource_type VARCHAR(64) NOT NULL,
    resource_id   VARCHAR(64) NOT NULL,
    param_name    VARCHAR(64) NOT NULL,
    first_day     DATE        NOT NULL,
    last_day      DATE        NOT NULL,
    CONSTRAINT fk_fhir_date_index FOREIGN KEY (resource_type, resource_id)
        REFERENCES fhir_resource (resource_type, resource_id)
);
CREATE INDEX ix_fhir_date_value ON fhir_date_index (resource_type, param_name, first_day, last_day);
CREATE INDEX ix_fhir_date_owner ON fhir_date_index (resource_type, resource_id);
