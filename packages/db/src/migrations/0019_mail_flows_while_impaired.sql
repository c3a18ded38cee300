-- Mail keeps flowing while an organization is health-checked (Validating) or has a problem (Impaired: its directory
-- does not answer): until now every mailserver view asked for 'Active', so a directory outage bounced the
-- organization's mail as unknown users (550 5.1.1) and locked everyone out of their mailboxes. Only deactivation and
-- deletion stop mail. The rule's one home in SQL, the twin of core's `servesMail` (organizations/state.ts), which a
-- db test compares state by state. Inlined by the planner (a one-expression SQL function).
CREATE FUNCTION organization_serves_mail(state text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN state IN ('Active', 'Validating', 'Impaired');
--> statement-breakpoint
-- Every view below keeps its columns and its meaning (0002, 0005, 0017) but for the organization's states.
CREATE OR REPLACE VIEW mailserver.v1_logins AS
SELECT a.address AS login,
       u.primary_email AS mailbox,
       '{ARGON2ID}' || u.password_hash AS password,
       (u.state = 'ENABLED' AND organization_serves_mail(o.state) AND m.deleted_at IS NULL AND u.password_hash IS NOT NULL) AS enabled,
       m.quota_mb::bigint * 1048576 AS quota_bytes,
       u.organization_id || '/' || u.id::text AS maildir
FROM addresses a
JOIN users u ON u.organization_id = a.organization_id AND u.id = a.entity_id AND a.entity_type = 'USER'
JOIN organizations o ON o.id = u.organization_id
JOIN mailboxes m ON m.organization_id = u.organization_id AND m.entity_id = u.id;
--> statement-breakpoint
CREATE OR REPLACE VIEW mailserver.v1_mailboxes AS
SELECT u.primary_email AS address,
       u.organization_id || '/' || u.id::text AS maildir,
       m.quota_mb::bigint * 1048576 AS quota_bytes
FROM users u
JOIN organizations o ON o.id = u.organization_id
JOIN mailboxes m ON m.organization_id = u.organization_id AND m.entity_id = u.id
WHERE u.state = 'ENABLED' AND organization_serves_mail(o.state) AND m.deleted_at IS NULL AND u.primary_email IS NOT NULL;
--> statement-breakpoint
CREATE OR REPLACE VIEW mailserver.v1_aliases AS
SELECT a.address, u.primary_email AS destination
FROM addresses a
JOIN users u ON u.organization_id = a.organization_id AND u.id = a.entity_id AND a.entity_type = 'USER'
JOIN organizations o ON o.id = u.organization_id
WHERE NOT a.is_primary AND u.state = 'ENABLED' AND organization_serves_mail(o.state)
UNION ALL
SELECT a.address, string_agg(u.primary_email, ',' ORDER BY u.primary_email) AS destination
FROM addresses a
JOIN groups g ON g.organization_id = a.organization_id AND g.id = a.entity_id AND a.entity_type = 'GROUP'
JOIN organizations o ON o.id = g.organization_id
JOIN group_members gm ON gm.organization_id = g.organization_id AND gm.group_id = g.id AND gm.member_type = 'USER'
JOIN users u ON u.organization_id = gm.organization_id AND u.id = gm.member_id
WHERE g.state = 'ENABLED' AND u.state = 'ENABLED' AND organization_serves_mail(o.state)
GROUP BY a.address
UNION ALL
SELECT a.address, string_agg(DISTINCT d.primary_email, ',' ORDER BY d.primary_email)
FROM addresses a
JOIN resources r ON r.organization_id = a.organization_id AND r.id = a.entity_id AND a.entity_type = 'RESOURCE'
JOIN organizations o ON o.id = r.organization_id
JOIN resource_delegate_users d ON d.organization_id = r.organization_id AND d.resource_id = r.id
WHERE r.state = 'ENABLED' AND organization_serves_mail(o.state) AND d.primary_email IS NOT NULL
GROUP BY a.address;
--> statement-breakpoint
CREATE OR REPLACE VIEW mailserver.v1_domains AS
SELECT d.domain
FROM mail_domains d
JOIN organizations o ON o.id = d.organization_id
WHERE organization_serves_mail(o.state) AND d.verified_at IS NOT NULL;
--> statement-breakpoint
CREATE OR REPLACE VIEW mailserver.v1_sender_logins AS
WITH live_addresses AS NOT MATERIALIZED (
  SELECT a.address, a.organization_id, a.entity_id, a.entity_type
  FROM addresses a
  JOIN organizations o ON o.id = a.organization_id AND organization_serves_mail(o.state)
  LEFT JOIN users u ON a.entity_type = 'USER' AND u.organization_id = a.organization_id AND u.id = a.entity_id
  LEFT JOIN groups g ON a.entity_type = 'GROUP' AND g.organization_id = a.organization_id AND g.id = a.entity_id
  LEFT JOIN resources r ON a.entity_type = 'RESOURCE' AND r.organization_id = a.organization_id AND r.id = a.entity_id
  WHERE coalesce(u.state, g.state, r.state) = 'ENABLED'
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
  UNION
  SELECT a.address, d.primary_email
  FROM live_addresses a
  JOIN resource_delegate_users d ON a.entity_type = 'RESOURCE' AND d.organization_id = a.organization_id AND d.resource_id = a.entity_id
)
SELECT address, string_agg(login, ',' ORDER BY login) AS logins
FROM senders
WHERE login IS NOT NULL
GROUP BY address;
