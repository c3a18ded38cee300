-- The SQL contract with mail servers (Dovecot, Postfix): version 1. Mail servers read these views only,
-- never the tables, so the tables can change while v1 keeps its columns. A breaking change adds v2 beside it.
CREATE SCHEMA IF NOT EXISTS mailserver;
--> statement-breakpoint
-- One row per address a user can sign in with (primary or alias). `mailbox` is the canonical user (the
-- primary address), so every alias reaches one mailbox. `enabled` is false the moment a user is disabled
-- or its organization stops being Active: Dovecot's passdb query filters on it.
CREATE VIEW mailserver.v1_logins AS
SELECT a.address AS login,
       u.primary_email AS mailbox,
       '{ARGON2ID}' || u.password_hash AS password,
       (u.state = 'ENABLED' AND o.state = 'Active' AND m.deleted_at IS NULL AND u.password_hash IS NOT NULL) AS enabled,
       m.quota_mb::bigint * 1048576 AS quota_bytes,
       u.organization_id || '/' || u.id::text AS maildir
FROM addresses a
JOIN users u ON u.organization_id = a.organization_id AND u.id = a.entity_id AND a.entity_type = 'USER'
JOIN organizations o ON o.id = u.organization_id
JOIN mailboxes m ON m.organization_id = u.organization_id AND m.entity_id = u.id;
--> statement-breakpoint
-- Mailboxes that accept mail: one row per enabled user's primary address (Postfix virtual_mailbox_maps).
-- System users such as postmaster have no password but do receive mail.
CREATE VIEW mailserver.v1_mailboxes AS
SELECT u.primary_email AS address,
       u.organization_id || '/' || u.id::text AS maildir,
       m.quota_mb::bigint * 1048576 AS quota_bytes
FROM users u
JOIN organizations o ON o.id = u.organization_id
JOIN mailboxes m ON m.organization_id = u.organization_id AND m.entity_id = u.id
WHERE u.state = 'ENABLED' AND o.state = 'Active' AND m.deleted_at IS NULL AND u.primary_email IS NOT NULL;
--> statement-breakpoint
-- Address rewriting (Postfix virtual_alias_maps): a user's alias → its primary address; a group's
-- addresses → the primary addresses of its enabled user members, comma-separated.
CREATE VIEW mailserver.v1_aliases AS
SELECT a.address, u.primary_email AS destination
FROM addresses a
JOIN users u ON u.organization_id = a.organization_id AND u.id = a.entity_id AND a.entity_type = 'USER'
JOIN organizations o ON o.id = u.organization_id
WHERE NOT a.is_primary AND u.state = 'ENABLED' AND o.state = 'Active'
UNION ALL
SELECT a.address, string_agg(u.primary_email, ',' ORDER BY u.primary_email) AS destination
FROM addresses a
JOIN groups g ON g.organization_id = a.organization_id AND g.id = a.entity_id AND a.entity_type = 'GROUP'
JOIN organizations o ON o.id = g.organization_id
JOIN group_members gm ON gm.organization_id = g.organization_id AND gm.group_id = g.id AND gm.member_type = 'USER'
JOIN users u ON u.organization_id = gm.organization_id AND u.id = gm.member_id
WHERE g.state = 'ENABLED' AND u.state = 'ENABLED' AND o.state = 'Active'
GROUP BY a.address;
--> statement-breakpoint
-- Domains mail is accepted for (Postfix virtual_mailbox_domains).
CREATE VIEW mailserver.v1_domains AS
SELECT d.domain
FROM mail_domains d
JOIN organizations o ON o.id = d.organization_id
WHERE o.state = 'Active' AND d.verification_status = 'VERIFIED';
