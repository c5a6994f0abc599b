-- Standardized values and match keys of every party record, filled by the standardize step.
-- The matcher reads these, never the raw columns.
alter table hcp.party
  add column first_name_std      text,     -- lower case ASCII, nickname resolved; null for an initial
  add column first_initial       text,
  add column middle_initial      text,
  add column last_name_std       text,     -- lower case ASCII, hyphens and apostrophes as spaces
  add column first_name_phonetic text,     -- Double Metaphone primary code of first_name_std
  add column last_name_phonetic  text,     -- of last_name_std, spaces removed
  add column national_id_type    text,     -- NPI, RPPS, LANR, COLEGIADO, GMC; null when unknown
  add column national_id_value   text,     -- digits only
  add column national_id_valid   boolean not null default false,
  add column phone_e164          text,
  add column email_local         text,
  add column address_std         text,
  add column street_number       text,
  add column postal_code_std     text,
  add column city_std            text,
  add column specialty_code      text,     -- NUCC taxonomy code; null when the specialty is unknown
  add column birth_date          date;
