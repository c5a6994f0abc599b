-- The organisation an email address belongs to, written by the standardize step: the domain of
-- a work address ("uk-koeln.de"), null for a public mail provider (gmail.com, web.de ...), whose
-- addresses say nothing about where a person works. The matcher compares it.
alter table hcp.party add column email_domain text;
