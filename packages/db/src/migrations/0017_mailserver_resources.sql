-- Resources (rooms, equipment) in the mail servers' contract. Mailyard answers no booking request by itself (it has no
-- calendar engine), so mail to an enabled resource's address goes to the people who answer for it: its delegates.
-- resource_delegate_users (not part of the contract: public schema, no grant) lists them as enabled users, a delegate
-- group standing for its enabled user members.
CREATE VIEW resource_delegate_users AS
SELECT d.organization_id, d.resource_id, u.primary_email
FROM resource_delegates d
JOIN users u ON d.delegate_type = 'USER' AND u.organization_id = d.organization_id AND u.id = d.delegate_id
WHERE u.state = 'ENABLED'
UNION ALL
SELECT d.organization_id, d.resource_id, u.primary_email
FROM resource_delegates d
JOIN groups g ON d.delegate_type = 'GROUP' AND g.organization_id = d.organization_id AND g.id = d.delegate_id
JOIN group_members gm ON gm.organization_id = g.organization_id AND gm.group_id = g.id AND gm.member_type = 'USER'
JOIN users u ON u.organization_id = gm.organization_id AND u.id = gm.member_id
WHERE g.state = 'ENABLED' AND u.state = 'ENABLED';
--> statement-breakpoint
-- v1_aliases keeps its columns and its rows for users and groups (0002); an enabled resource's address now expands to
-- its delegates' primary addresses, as a group's does to its members'. A resource without delegates has no row: its
-- mail is refused as unknown (550 5.1.1).
CREATE OR REPLACE VIEW mailserver.v1_aliases AS
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
GROUP BY a.address
UNION ALL
SELECT a.address, string_agg(DISTINCT d.primary_email, ',' ORDER BY d.primary_email)
FROM addresses a
JOIN resources r ON r.organization_id = a.organization_id AND r.id = a.entity_id AND a.entity_type = 'RESOURCE'
JOIN organizations o ON o.id = r.organization_id
JOIN resource_delegate_users d ON d.organization_id = r.organization_id AND d.resource_id = r.id
WHERE r.state = 'ENABLED' AND o.state = 'Active' AND d.primary_email IS NOT NULL
GROUP BY a.address;
--> statement-breakpoint
-- v1_sender_logins keeps its columns and rows for users and groups (0015); an enabled resource's address may now be
-- used by its delegates, who answer booking requests on the resource's behalf (WorkMail's delegates).
CREATE OR REPLACE VIEW mailserver.v1_sender_logins AS
WITH live_addresses AS NOT MATERIALIZED (
  SELECT a.address, a.organization_id, a.entity_id, a.entity_type
  FROM addresses a
  JOIN organizations o ON o.id = a.organization_id AND o.state = 'Active'
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
