-- Who holds a mailbox permission, one row per enabled user: a grant to a user stands for that user, a grant to an
-- enabled group for its enabled user members. Not part of the mail servers' contract (public schema, no grant): the
-- v1 views below build on it, so the rule is written once.
CREATE VIEW mailbox_grants_by_user AS
SELECT p.organization_id, p.mailbox_entity_id, u.id AS user_id, u.primary_email, p.permissions
FROM mailbox_permissions p
JOIN LATERAL (
  SELECT p.grantee_id AS user_id WHERE p.grantee_type = 'USER'
  UNION ALL
  SELECT gm.member_id
  FROM groups g
  JOIN group_members gm ON gm.organization_id = g.organization_id AND gm.group_id = g.id AND gm.member_type = 'USER'
  WHERE p.grantee_type = 'GROUP' AND g.organization_id = p.organization_id AND g.id = p.grantee_id AND g.state = 'ENABLED'
) grantee ON true
JOIN users u ON u.organization_id = p.organization_id AND u.id = grantee.user_id AND u.state = 'ENABLED';
--> statement-breakpoint
-- v1_sender_logins keeps its columns and rows (0013); its grantees now come from mailbox_grants_by_user.
CREATE OR REPLACE VIEW mailserver.v1_sender_logins AS
WITH live_addresses AS NOT MATERIALIZED (
  SELECT a.address, a.organization_id, a.entity_id, a.entity_type
  FROM addresses a
  JOIN organizations o ON o.id = a.organization_id AND o.state = 'Active'
  LEFT JOIN users u ON a.entity_type = 'USER' AND u.organization_id = a.organization_id AND u.id = a.entity_id
  LEFT JOIN groups g ON a.entity_type = 'GROUP' AND g.organization_id = a.organization_id AND g.id = a.entity_id
  WHERE coalesce(u.state, g.state) = 'ENABLED'
),
senders AS (
  SELECT a.address, u.primary_email AS login
  FROM live_addresses a
  JOIN users u ON a.entity_type = 'USER' AND u.organization_id = a.organization_id AND u.id = a.entity_id
  UNION
  SELECT a.address, g.primary_email
  FROM live_addresses a
  JOIN mailbox_grants_by_user g ON g.organization_id = a.organization_id AND g.mailbox_entity_id = a.entity_id
    AND g.permissions && ARRAY['SEND_AS', 'SEND_ON_BEHALF']
)
SELECT address, string_agg(login, ',' ORDER BY login) AS logins
FROM senders
WHERE login IS NOT NULL
GROUP BY address;
--> statement-breakpoint
-- The SQL contract, v1: who may open which mailbox (FULL_ACCESS), for Dovecot's master-user sign-in
-- (`mailbox*grantee` with the grantee's password; see docs/deployment.md). One row per address of an enabled user's
-- mailbox (primary or alias) and enabled user granted FULL_ACCESS on that mailbox, directly or as an enabled member of
-- an enabled group granted it; `grantee` is that user's primary address. Whether the grantee may sign in at all
-- (enabled, Active organization, a password) is v1_logins' `enabled`, which Dovecot's query checks beside this view.
CREATE VIEW mailserver.v1_full_access AS
SELECT DISTINCT a.address, g.primary_email AS grantee
FROM addresses a
JOIN users owner ON a.entity_type = 'USER' AND owner.organization_id = a.organization_id AND owner.id = a.entity_id
  AND owner.state = 'ENABLED'
JOIN mailbox_grants_by_user g ON g.organization_id = a.organization_id AND g.mailbox_entity_id = a.entity_id
  AND 'FULL_ACCESS' = ANY (g.permissions)
WHERE g.primary_email IS NOT NULL;
