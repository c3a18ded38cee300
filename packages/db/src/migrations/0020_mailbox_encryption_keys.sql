ALTER TABLE "organizations" ADD COLUMN "mailbox_public_key" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "sealed_mailbox_private_key" text;--> statement-breakpoint
-- Mailbox encryption: Dovecot's userdb also reads the organization's public mailbox key, which mail_crypt encrypts
-- each delivered message with (base64 of the PEM on one line, as Dovecot takes a key from a userdb field). Null for
-- an organization without one yet: its mail is stored as it comes (mail_crypt_save_version 0).
CREATE OR REPLACE VIEW mailserver.v1_mailboxes AS
SELECT u.primary_email AS address,
       u.organization_id || '/' || u.id::text AS maildir,
       m.quota_mb::bigint * 1048576 AS quota_bytes,
       translate(encode(convert_to(o.mailbox_public_key, 'UTF8'), 'base64'), E'\n', '') AS mail_crypt_public_key
FROM users u
JOIN organizations o ON o.id = u.organization_id
JOIN mailboxes m ON m.organization_id = u.organization_id AND m.entity_id = u.id
WHERE u.state = 'ENABLED' AND organization_serves_mail(o.state) AND m.deleted_at IS NULL AND u.primary_email IS NOT NULL;
