-- Keys of organization-scoped tables lead with organization_id (the Citus-ready rule, test/citus-keys.test.ts).
-- Existing rows keep their values: each old primary key was unique on a subset of the new one.

-- addresses: keyed by organization; the system-wide namespace moves to address_claims, filled from the rows there.
ALTER TABLE "addresses" DROP CONSTRAINT "addresses_pkey";--> statement-breakpoint
ALTER TABLE "addresses" ADD CONSTRAINT "addresses_organization_id_address_pk" PRIMARY KEY("organization_id","address");--> statement-breakpoint
CREATE INDEX "addresses_address_idx" ON "addresses" USING btree ("address");--> statement-breakpoint
CREATE TABLE "address_claims" (
	"address" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL
);
--> statement-breakpoint
INSERT INTO "address_claims" ("address", "organization_id") SELECT "address", "organization_id" FROM "addresses";--> statement-breakpoint
ALTER TABLE "address_claims" ADD CONSTRAINT "address_claims_address_fk" FOREIGN KEY ("organization_id","address") REFERENCES "public"."addresses"("organization_id","address") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint

-- user_imports: the listing index gains the id its keyset pages order by.
ALTER TABLE "user_imports" DROP CONSTRAINT "user_imports_pkey";--> statement-breakpoint
ALTER TABLE "user_imports" ADD CONSTRAINT "user_imports_organization_id_id_pk" PRIMARY KEY("organization_id","id");--> statement-breakpoint
DROP INDEX "user_imports_org_idx";--> statement-breakpoint
CREATE INDEX "user_imports_org_idx" ON "user_imports" USING btree ("organization_id","created_at","id");--> statement-breakpoint

ALTER TABLE "password_history" DROP CONSTRAINT "password_history_pkey";--> statement-breakpoint
ALTER TABLE "password_history" ADD CONSTRAINT "password_history_organization_id_id_pk" PRIMARY KEY("organization_id","id");--> statement-breakpoint

-- Sessions and reset links: the cookie or link holds the secret alone, so its hash keeps an index of its own.
ALTER TABLE "password_reset_tokens" DROP CONSTRAINT "password_reset_tokens_pkey";--> statement-breakpoint
ALTER TABLE "password_reset_tokens" ADD CONSTRAINT "password_reset_tokens_organization_id_token_hash_pk" PRIMARY KEY("organization_id","token_hash");--> statement-breakpoint
CREATE INDEX "password_reset_tokens_token_hash_idx" ON "password_reset_tokens" USING btree ("token_hash");--> statement-breakpoint
ALTER TABLE "user_sessions" DROP CONSTRAINT "user_sessions_pkey";--> statement-breakpoint
ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_organization_id_id_hash_pk" PRIMARY KEY("organization_id","id_hash");--> statement-breakpoint
CREATE INDEX "user_sessions_id_hash_idx" ON "user_sessions" USING btree ("id_hash");
--> statement-breakpoint

-- The organizations list: a page index for the default mail domain, and the search box's trigram index per account.
ALTER TABLE "organizations" ADD COLUMN "search_text" text GENERATED ALWAYS AS (mailyard_fold("organizations"."alias" || E'\x1f' || coalesce("organizations"."default_mail_domain", '') || E'\x1f' || "organizations"."id")) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "organizations_account_domain_page_idx" ON "organizations" USING btree ("account_id",coalesce("default_mail_domain", '') COLLATE "C","id");--> statement-breakpoint
CREATE INDEX "organizations_search_idx" ON "organizations" USING gin ("account_id","search_text" gin_trgm_ops);