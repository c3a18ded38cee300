CREATE TABLE "access_control_rules" (
	"organization_id" text NOT NULL,
	"name" text NOT NULL,
	"effect" text NOT NULL,
	"description" text NOT NULL,
	"ip_ranges" text[] NOT NULL,
	"not_ip_ranges" text[] NOT NULL,
	"actions" text[] NOT NULL,
	"not_actions" text[] NOT NULL,
	"user_ids" text[] NOT NULL,
	"not_user_ids" text[] NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "access_control_rules_organization_id_name_pk" PRIMARY KEY("organization_id","name")
);
--> statement-breakpoint
ALTER TABLE "access_control_rules" ADD CONSTRAINT "access_control_rules_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Every organization starts with WorkMail's default rule, which allows everything: access stays as it was until an
-- operator restricts it (core's DEFAULT_ACCESS_RULE; new organizations get it when they are created).
INSERT INTO "access_control_rules" ("organization_id", "name", "effect", "description", "ip_ranges", "not_ip_ranges", "actions", "not_actions", "user_ids", "not_user_ids", "created_at", "updated_at")
SELECT "id", 'default', 'ALLOW', 'Default rule: allows every user, protocol and address', '{}', '{}', '{}', '{}', '{}', '{}', "created_at", "created_at"
FROM "organizations";
--> statement-breakpoint
-- The SQL contract, v1: what an organization's access control rules decide for one user reaching Mailyard by an action
-- (WorkMail's names: IMAP, SMTP, …) from an address, 'ALLOW' or 'DENY': the same evaluation as core's
-- evaluateAccess (packages/db/test/access-control-effect.test.ts runs one table of cases through both). A matching
-- DENY rule wins; else a matching ALLOW rule allows; else access is denied. An empty or NULL address is unknown: in
-- no range. An IPv4-mapped IPv6 address (::ffff:a.b.c.d) is its IPv4 address. SECURITY DEFINER: the mail servers'
-- role reads no table; BEGIN ATOMIC binds the tables when the function is created, so no search_path of the caller's
-- can redirect them.
CREATE FUNCTION mailserver.v1_access_effect(organization_id text, user_id text, action text, ip text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
  WITH given AS (
    SELECT nullif(btrim(ip), '')::inet AS ip
  ), client AS (
    SELECT CASE WHEN g.ip <<= '::ffff:0.0.0.0/96'::inet THEN '0.0.0.0'::inet + (g.ip - '::ffff:0.0.0.0'::inet) ELSE g.ip END AS ip
    FROM given g
  ), matched AS (
    SELECT r.effect
    FROM public.access_control_rules r, client c
    WHERE r.organization_id = v1_access_effect.organization_id
      AND (cardinality(r.ip_ranges) = 0 OR coalesce(c.ip <<= ANY (r.ip_ranges::inet[]), false))
      AND (cardinality(r.not_ip_ranges) = 0 OR NOT coalesce(c.ip <<= ANY (r.not_ip_ranges::inet[]), false))
      AND (cardinality(r.actions) = 0 OR v1_access_effect.action = ANY (r.actions))
      AND (cardinality(r.not_actions) = 0 OR v1_access_effect.action <> ALL (r.not_actions))
      AND (cardinality(r.user_ids) = 0 OR lower(v1_access_effect.user_id) IN (SELECT lower(u) FROM unnest(r.user_ids) u))
      AND (cardinality(r.not_user_ids) = 0 OR lower(v1_access_effect.user_id) NOT IN (SELECT lower(u) FROM unnest(r.not_user_ids) u))
  )
  SELECT CASE
    WHEN EXISTS (SELECT 1 FROM matched m WHERE m.effect = 'DENY') THEN 'DENY'
    WHEN EXISTS (SELECT 1 FROM matched) THEN 'ALLOW'
    ELSE 'DENY'
  END;
END;
--> statement-breakpoint
-- Dovecot's passdb asks this with its own terms: the login (any address of the user, as v1_logins.login), its service
-- name (%s: imap; smtp when Postfix authenticates a submission through Dovecot's auth service) and the client's
-- address (%{rip}). Services other than imap and smtp are passed on as they are, so only rules without actions
-- match them. A login that is no user's address is not allowed.
CREATE FUNCTION mailserver.v1_login_allowed(login text, service text, ip text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
  SELECT coalesce((
    SELECT mailserver.v1_access_effect(
      a.organization_id,
      a.entity_id::text,
      CASE lower(v1_login_allowed.service) WHEN 'imap' THEN 'IMAP' WHEN 'smtp' THEN 'SMTP' WHEN 'submission' THEN 'SMTP' ELSE v1_login_allowed.service END,
      v1_login_allowed.ip
    ) = 'ALLOW'
    FROM public.addresses a
    WHERE a.address = lower(v1_login_allowed.login) AND a.entity_type = 'USER'
  ), false);
END;
--> statement-breakpoint
-- Only the roles the grants file names run them (deploy/postgres/mail-server-grants.sql).
REVOKE EXECUTE ON FUNCTION mailserver.v1_access_effect(text, text, text, text), mailserver.v1_login_allowed(text, text, text) FROM PUBLIC;
