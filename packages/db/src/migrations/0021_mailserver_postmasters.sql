-- Every domain an organization's mail flows to has a postmaster@ (RFC 5321 §4.5.1: every domain that receives mail
-- must take postmaster), and the contract promised it resolves to the organization's postmaster system user. Only the
-- test domain had it (the system user's primary address is on the default domain at provisioning): on a verified own
-- domain postmaster@ was refused at RCPT as an unknown user. One row per proven domain of an organization whose mail
-- flows, with where its postmaster@ goes; Postfix asks it by domain (deploy/postfix/pgsql-postmasters.cf, a second
-- virtual_alias_maps table after the aliases, so an alias postmaster@ someone was given still wins), which the unique
-- index of verified domains answers. The domain where the postmaster's own address lives is left out (its mailbox).
CREATE VIEW mailserver.v1_postmasters AS
SELECT d.domain, u.primary_email AS destination
FROM mail_domains d
JOIN organizations o ON o.id = d.organization_id
JOIN users u ON u.organization_id = d.organization_id AND lower(u.name) = 'postmaster' AND u.state <> 'DELETED'
WHERE organization_serves_mail(o.state) AND d.verified_at IS NOT NULL
  AND u.role = 'SYSTEM_USER' AND u.state = 'ENABLED' AND u.primary_email IS NOT NULL
  AND u.primary_email <> 'postmaster@' || d.domain;
