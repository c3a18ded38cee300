CREATE TABLE "ldap_directories" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"name" text NOT NULL,
	"preset" text NOT NULL,
	"url" text NOT NULL,
	"start_tls" boolean NOT NULL,
	"ca_certificate" text,
	"bind_dn" text NOT NULL,
	"sealed_bind_password" text NOT NULL,
	"user_base_dn" text NOT NULL,
	"group_base_dn" text NOT NULL,
	"user_object_class" text NOT NULL,
	"group_object_class" text NOT NULL,
	"mapping" jsonb NOT NULL,
	"health" text DEFAULT 'Unknown' NOT NULL,
	"health_message" text,
	"checked_at" timestamp with time zone,
	"last_sync" jsonb,
	"sync_progress" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "groups" ADD COLUMN "directory_entry_id" text;--> statement-breakpoint
ALTER TABLE "groups" ADD COLUMN "directory_dn" text;--> statement-breakpoint
ALTER TABLE "groups" ADD COLUMN "directory_removed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "directory_entry_id" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "directory_dn" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "directory_removed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "ldap_directories" ADD CONSTRAINT "ldap_directories_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ldap_directories_name_key" ON "ldap_directories" USING btree ("account_id",lower("name"));--> statement-breakpoint
CREATE INDEX "ldap_directories_account_page_idx" ON "ldap_directories" USING btree ("account_id",lower("name") COLLATE "C","id");--> statement-breakpoint
CREATE UNIQUE INDEX "groups_directory_entry_key" ON "groups" USING btree ("organization_id","directory_entry_id") WHERE "groups"."directory_entry_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "users_directory_entry_key" ON "users" USING btree ("organization_id","directory_entry_id") WHERE "users"."directory_entry_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_external_directory_key" ON "organizations" USING btree ("directory_id") WHERE "organizations"."directory_type" = 'ExternalDirectory' and "organizations"."state" <> 'Deleted';