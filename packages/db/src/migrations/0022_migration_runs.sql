-- The console's Migrate from WorkMail: one row per run (planned, then applied by the `migration.run` job), its
-- settings without secrets, the secrets sealed with the master key, and the progress, plan and report the job writes.
-- At most one run of an organization works at a time: the partial unique index makes two starting at once meet.
CREATE TABLE "migration_runs" (
	"organization_id" text NOT NULL,
	"id" uuid NOT NULL,
	"state" text NOT NULL,
	"settings" jsonb NOT NULL,
	"sealed_secrets" text NOT NULL,
	"progress" jsonb,
	"plan" jsonb,
	"report" jsonb,
	"error" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "migration_runs_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE INDEX "migration_runs_org_idx" ON "migration_runs" USING btree ("organization_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "migration_runs_one_active_idx" ON "migration_runs" USING btree ("organization_id") WHERE state in ('planning', 'applying');