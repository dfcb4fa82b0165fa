-- MedRelay store, version 9: eligibility, continued (issue 4). Portable between H2 and PostgreSQL, as V1.

-- A check whose visit was cancelled (SIU S15/S16/S17, no-show S26, a FHIR Appointment cancelled) after its 270 went
-- out: the 271 is still taken and written to the EHR, but no front-desk gap item is raised for a visit that will not
-- happen. Null while the visit stands. A check not yet sent is CANCELLED instead and never sent.
alter table eligibility_request add column visit_cancelled_at timestamp with time zone;

-- How far MedRelay has read a FHIR feed of the EHR (eligibility triggers from FHIR Appointments and intake
-- QuestionnaireResponses, polled by _lastUpdated): the newest meta.lastUpdated taken in, so a restart neither misses
-- nor repeats. Each poll reads from a little before it (resources committed out of order in the same instant) and
-- skips the resource versions already taken, kept in fhir_feed_seen for that overlap.
create table fhir_feed_watermark (
    feed          varchar(100) primary key,
    last_updated  timestamp with time zone not null,
    updated_at    timestamp with time zone not null
);
-- version_key: Type/id/_history/version, never content.
create table fhir_feed_seen (
    feed          varchar(100) not null,
    version_key   varchar(300) not null,
    last_updated  timestamp with time zone not null,
    primary key (feed, version_key)
);
