-- The SQL contract, v1: who may send from which address (Postfix smtpd_sender_login_maps on the submission port).
-- One row per address of an enabled user or group of an Active organization; `logins` lists, comma-separated, the
-- sign-in names (primary addresses, which Dovecot reports as the SASL user) allowed to use it as envelope sender:
-- the owning user itself (primary address and aliases alike), and every enabled user granted SEND_AS or
-- SEND_ON_BEHALF on the owner's mailbox, directly or as an enabled member of an enabled group granted it. A group's
-- address has no owner that signs in: only its grantees. An address without row is nobody's: Postfix refuses it.
CREATE VIEW mailserver.v1_sender_logins AS
-- NOT MATERIALIZED: the CTE is used twice, and a materialized one would read every address before Postfix's
-- `WHERE address = …` applies; inlined, each branch looks the one address up by its primary key.
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
  -- A grantee stands for itself (a user) or for its enabled user members (a group).
  SELECT a.address, u.primary_email
  FROM live_addresses a
  JOIN mailbox_permissions p ON p.organization_id = a.organization_id AND p.mailbox_entity_id = a.entity_id
    AND p.permissions && ARRAY['SEND_AS', 'SEND_ON_BEHALF']
  JOIN LATERAL (
    SELECT p.grantee_id AS user_id WHERE p.grantee_type = 'USER'
    UNION ALL
    SELECT gm.member_id
    FROM groups g
    JOIN group_members gm ON gm.organization_id = g.organization_id AND gm.group_id = g.id AND gm.member_type = 'USER'
    WHERE p.grantee_type = 'GROUP' AND g.organization_id = p.organization_id AND g.id = p.grantee_id AND g.state = 'ENABLED'
  ) grantee ON true
  JOIN users u ON u.organization_id = p.organization_id AND u.id = grantee.user_id AND u.state = 'ENABLED'
)
SELECT address, string_agg(login, ',' ORDER BY login) AS logins
FROM senders
WHERE login IS NOT NULL
GROUP BY address;
