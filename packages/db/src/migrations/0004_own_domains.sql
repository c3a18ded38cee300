CREATE TABLE "dkim_keys" (
	"organization_id" text NOT NULL,
	"domain" text NOT NULL,
	"selector" text NOT NULL,
	"state" text NOT NULL,
	"public_key" text NOT NULL,
	"sealed_private_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "dkim_keys_organization_id_domain_selector_pk" PRIMARY KEY("organization_id","domain","selector")
);
--> statement-breakpoint
DROP INDEX "mail_domains_domain_key";--> statement-breakpoint
ALTER TABLE "mail_domains" ADD COLUMN "ownership_reason" text;--> statement-breakpoint
ALTER TABLE "mail_domains" ADD COLUMN "ownership_token" text;--> statement-breakpoint
ALTER TABLE "mail_domains" ADD COLUMN "dkim_status" text DEFAULT 'PENDING' NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_domains" ADD COLUMN "dkim_reason" text;--> statement-breakpoint
ALTER TABLE "mail_domains" ADD COLUMN "verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "mail_domains" ADD COLUMN "checked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "mail_domains" ADD COLUMN "next_check_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "mail_domains" ADD COLUMN "checks" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_domains" ADD COLUMN "client_token" text;--> statement-breakpoint
ALTER TABLE "dkim_keys" ADD CONSTRAINT "dkim_keys_organization_id_domain_mail_domains_organization_id_domain_fk" FOREIGN KEY ("organization_id","domain") REFERENCES "public"."mail_domains"("organization_id","domain") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dkim_keys_state_key" ON "dkim_keys" USING btree ("organization_id","domain","state");--> statement-breakpoint
CREATE INDEX "addresses_domain_idx" ON "addresses" USING btree ("organization_id",split_part("address", '@', 2));--> statement-breakpoint
CREATE UNIQUE INDEX "mail_domains_verified_domain_key" ON "mail_domains" USING btree ("domain") WHERE "mail_domains"."verified_at" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "mail_domains_client_token_key" ON "mail_domains" USING btree ("organization_id","client_token");--> statement-breakpoint
CREATE INDEX "mail_domains_next_check_idx" ON "mail_domains" USING btree ("next_check_at") WHERE "mail_domains"."next_check_at" is not null;