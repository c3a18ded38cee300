DROP INDEX "groups_email_page_idx";--> statement-breakpoint
DROP INDEX "users_email_page_idx";--> statement-breakpoint
ALTER TABLE "addresses" ADD COLUMN "search_text" text GENERATED ALWAYS AS (mailyard_fold("addresses"."address")) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "groups" ADD COLUMN "search_text" text GENERATED ALWAYS AS (mailyard_fold("groups"."name" || E'\x1f' || coalesce("groups"."primary_email", ''))) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "search_text" text GENERATED ALWAYS AS (mailyard_fold("users"."name" || E'\x1f' || "users"."display_name" || E'\x1f' || coalesce("users"."primary_email", ''))) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "addresses_alias_search_idx" ON "addresses" USING gin ("organization_id","search_text" gin_trgm_ops) WHERE not "addresses"."is_primary";--> statement-breakpoint
CREATE INDEX "groups_state_name_page_idx" ON "groups" USING btree ("organization_id","state",lower("name") COLLATE "C","id");--> statement-breakpoint
CREATE INDEX "groups_created_page_idx" ON "groups" USING btree ("organization_id","created_at","id");--> statement-breakpoint
CREATE INDEX "groups_search_idx" ON "groups" USING gin ("organization_id","search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "users_created_page_idx" ON "users" USING btree ("organization_id","created_at","id");--> statement-breakpoint
CREATE INDEX "users_search_idx" ON "users" USING gin ("organization_id","search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "organizations_account_alias_page_idx" ON "organizations" USING btree ("account_id",lower("alias") COLLATE "C","id");--> statement-breakpoint
CREATE INDEX "organizations_account_state_page_idx" ON "organizations" USING btree ("account_id","state",lower("alias") COLLATE "C","id");--> statement-breakpoint
CREATE INDEX "groups_email_page_idx" ON "groups" USING btree ("organization_id",coalesce("primary_email", '') COLLATE "C","id");--> statement-breakpoint
CREATE INDEX "users_email_page_idx" ON "users" USING btree ("organization_id",coalesce("primary_email", '') COLLATE "C","id");