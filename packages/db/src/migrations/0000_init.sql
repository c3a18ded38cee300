CREATE TABLE "access_keys" (
	"access_key_id" text PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"operator_id" uuid,
	"description" text DEFAULT '' NOT NULL,
	"secret_ciphertext" text NOT NULL,
	"status" text NOT NULL,
	"last_used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"aws_account_id" text NOT NULL,
	"max_organizations" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounts_aws_account_id_unique" UNIQUE("aws_account_id")
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"operator_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"read_only" boolean NOT NULL,
	"organization_ids" text[],
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "operator_sessions" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"operator_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "operators" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_sign_in_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "addresses" (
	"address" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"entity_type" text NOT NULL,
	"is_primary" boolean NOT NULL,
	"origin" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "group_members" (
	"organization_id" text NOT NULL,
	"group_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"member_type" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "group_members_organization_id_group_id_member_id_pk" PRIMARY KEY("organization_id","group_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "groups" (
	"organization_id" text NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"primary_email" text,
	"state" text NOT NULL,
	"hidden_from_gal" boolean DEFAULT false NOT NULL,
	"enabled_at" timestamp with time zone,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "groups_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"organization_id" text NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"display_name" text NOT NULL,
	"first_name" text,
	"last_name" text,
	"initials" text,
	"telephone" text,
	"street" text,
	"city" text,
	"zip_code" text,
	"country" text,
	"company" text,
	"department" text,
	"job_title" text,
	"office" text,
	"hidden_from_gal" boolean DEFAULT false NOT NULL,
	"identity_provider_user_id" text,
	"role" text NOT NULL,
	"state" text NOT NULL,
	"primary_email" text,
	"password_hash" text,
	"recovery_email" text,
	"recovery_email_verified_at" timestamp with time zone,
	"enabled_at" timestamp with time zone,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "users_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "mailbox_permissions" (
	"organization_id" text NOT NULL,
	"mailbox_entity_id" uuid NOT NULL,
	"grantee_id" uuid NOT NULL,
	"grantee_type" text NOT NULL,
	"permissions" text[] NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "mailbox_permissions_organization_id_mailbox_entity_id_grantee_id_pk" PRIMARY KEY("organization_id","mailbox_entity_id","grantee_id")
);
--> statement-breakpoint
CREATE TABLE "mailboxes" (
	"organization_id" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"quota_mb" integer NOT NULL,
	"usage_bytes" bigint DEFAULT 0 NOT NULL,
	"usage_reported_at" timestamp with time zone,
	"quota_warning_sent_at" timestamp with time zone,
	"provisioned_at" timestamp with time zone NOT NULL,
	"deprovisioned_at" timestamp with time zone,
	"deletion_due_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "mailboxes_organization_id_entity_id_pk" PRIMARY KEY("organization_id","entity_id")
);
--> statement-breakpoint
CREATE TABLE "mobile_devices" (
	"organization_id" text NOT NULL,
	"user_id" uuid NOT NULL,
	"device_id" text NOT NULL,
	"device_type" text,
	"model" text,
	"operating_system" text,
	"user_agent" text,
	"first_sync_at" timestamp with time zone NOT NULL,
	"last_sync_at" timestamp with time zone NOT NULL,
	"wipe_status" text,
	"wipe_requested_at" timestamp with time zone,
	"wipe_sent_at" timestamp with time zone,
	"wiped_at" timestamp with time zone,
	CONSTRAINT "mobile_devices_organization_id_user_id_device_id_pk" PRIMARY KEY("organization_id","user_id","device_id")
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_id" uuid,
	"organization_id" text,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"actor_label" text NOT NULL,
	"via" text,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text NOT NULL,
	"target_label" text,
	"before" jsonb,
	"after" jsonb,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"state" text NOT NULL,
	"run_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer NOT NULL,
	"locked_by" text,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"key" text,
	"progress" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"organization_id" text,
	"kind" text NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "rate_limits_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
CREATE TABLE "user_imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"state" text NOT NULL,
	"file_name" text NOT NULL,
	"total_rows" integer NOT NULL,
	"valid_rows" integer NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"report" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "directories" (
	"organization_id" text NOT NULL,
	"id" text NOT NULL,
	"type" text NOT NULL,
	"nested_groups" boolean NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "directories_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "mail_domains" (
	"organization_id" text NOT NULL,
	"domain" text NOT NULL,
	"is_test_domain" boolean NOT NULL,
	"is_default" boolean NOT NULL,
	"verification_status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "mail_domains_organization_id_domain_pk" PRIMARY KEY("organization_id","domain")
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"alias" text NOT NULL,
	"state" text NOT NULL,
	"directory_type" text NOT NULL,
	"directory_id" text,
	"kms_key_arn" text,
	"wrapped_data_key" text,
	"interoperability_enabled" boolean DEFAULT false NOT NULL,
	"default_mail_domain" text,
	"error_message" text,
	"client_token" text,
	"alias_policy" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "password_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"user_id" uuid NOT NULL,
	"password_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "password_reset_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"user_id" uuid NOT NULL,
	"issued_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "recovery_verifications" (
	"organization_id" text NOT NULL,
	"user_id" uuid NOT NULL,
	"email" text NOT NULL,
	"code_hash" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "recovery_verifications_organization_id_user_id_pk" PRIMARY KEY("organization_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "user_sessions" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "access_keys" ADD CONSTRAINT "access_keys_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_keys" ADD CONSTRAINT "access_keys_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operator_sessions" ADD CONSTRAINT "operator_sessions_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operators" ADD CONSTRAINT "operators_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "groups" ADD CONSTRAINT "groups_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directories" ADD CONSTRAINT "directories_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_domains" ADD CONSTRAINT "mail_domains_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "access_keys_account_idx" ON "access_keys" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "api_tokens_account_idx" ON "api_tokens" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "operator_sessions_operator_idx" ON "operator_sessions" USING btree ("operator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "operators_email_key" ON "operators" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "operators_account_idx" ON "operators" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "addresses_entity_idx" ON "addresses" USING btree ("organization_id","entity_id","address");--> statement-breakpoint
CREATE INDEX "group_members_member_idx" ON "group_members" USING btree ("organization_id","member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "groups_name_key" ON "groups" USING btree ("organization_id",lower("name")) WHERE "groups"."state" <> 'DELETED';--> statement-breakpoint
CREATE INDEX "groups_name_page_idx" ON "groups" USING btree ("organization_id",lower("name") COLLATE "C","id");--> statement-breakpoint
CREATE INDEX "groups_email_page_idx" ON "groups" USING btree ("organization_id","primary_email" COLLATE "C","id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_name_key" ON "users" USING btree ("organization_id",lower("name")) WHERE "users"."state" <> 'DELETED';--> statement-breakpoint
CREATE INDEX "users_name_page_idx" ON "users" USING btree ("organization_id",lower("name") COLLATE "C","id");--> statement-breakpoint
CREATE INDEX "users_display_name_page_idx" ON "users" USING btree ("organization_id",lower("display_name") COLLATE "C","id");--> statement-breakpoint
CREATE INDEX "users_email_page_idx" ON "users" USING btree ("organization_id","primary_email" COLLATE "C","id");--> statement-breakpoint
CREATE INDEX "users_state_name_page_idx" ON "users" USING btree ("organization_id","state",lower("name") COLLATE "C","id");--> statement-breakpoint
CREATE INDEX "mailbox_permissions_grantee_idx" ON "mailbox_permissions" USING btree ("organization_id","grantee_id");--> statement-breakpoint
CREATE INDEX "audit_events_org_idx" ON "audit_events" USING btree ("organization_id","created_at","id");--> statement-breakpoint
CREATE INDEX "audit_events_target_idx" ON "audit_events" USING btree ("organization_id","target_id","created_at","id");--> statement-breakpoint
CREATE INDEX "audit_events_account_idx" ON "audit_events" USING btree ("account_id","created_at","id");--> statement-breakpoint
CREATE INDEX "jobs_claim_idx" ON "jobs" USING btree ("run_at") WHERE "jobs"."state" in ('pending', 'running');--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_key_key" ON "jobs" USING btree ("key") WHERE "jobs"."state" in ('pending', 'running');--> statement-breakpoint
CREATE INDEX "outbox_org_idx" ON "outbox" USING btree ("organization_id","created_at","id");--> statement-breakpoint
CREATE INDEX "user_imports_org_idx" ON "user_imports" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "mail_domains_domain_key" ON "mail_domains" USING btree ("domain");--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_alias_key" ON "organizations" USING btree (lower("alias")) WHERE "organizations"."state" <> 'Deleted';--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_client_token_key" ON "organizations" USING btree ("account_id","client_token");--> statement-breakpoint
CREATE INDEX "organizations_account_page_idx" ON "organizations" USING btree ("account_id","created_at","id");--> statement-breakpoint
CREATE INDEX "password_history_user_idx" ON "password_history" USING btree ("organization_id","user_id","created_at");--> statement-breakpoint
CREATE INDEX "password_reset_tokens_user_idx" ON "password_reset_tokens" USING btree ("organization_id","user_id");--> statement-breakpoint
CREATE INDEX "user_sessions_user_idx" ON "user_sessions" USING btree ("organization_id","user_id");