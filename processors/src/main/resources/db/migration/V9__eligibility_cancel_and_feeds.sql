-- MedRelay store, version 9: eligibility, continued (issue 4). Portable between H2 and PostgreSQL, as V1.

-- A check whose visit was cancelled (SIU S15/S16/S17, no-show S26, a FHIR Appointment cancelled) after its 270 went
-- out: the 271 is still taken and written to the EHR, but no front-desk gap item is raised for a visit that will not
-- happen. Null while the visit stands. A check not yet sent is CANCELLED instead and never sent.
alter table eligibility_request add column visit_cancelled_at timestamp with time zone;
