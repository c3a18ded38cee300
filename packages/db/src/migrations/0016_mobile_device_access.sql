CREATE TABLE "mobile_device_access_overrides" (
	"organization_id" text NOT NULL,
	"user_id" uuid NOT NULL,
	"device_id" text NOT NULL,
	"effect" text NOT NULL,
	"description" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "mobile_device_access_overrides_organization_id_user_id_device_id_pk" PRIMARY KEY("organization_id","user_id","device_id")
);
--> statement-breakpoint
CREATE TABLE "mobile_device_access_rules" (
	"organization_id" text NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"effect" text NOT NULL,
	"conditions" jsonb NOT NULL,
	"client_token" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "mobile_device_access_rules_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "mobile_device_access_overrides" ADD CONSTRAINT "mobile_device_access_overrides_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mobile_device_access_rules" ADD CONSTRAINT "mobile_device_access_rules_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mobile_device_access_overrides_device_idx" ON "mobile_device_access_overrides" USING btree ("organization_id","device_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mobile_device_access_rules_client_token_key" ON "mobile_device_access_rules" USING btree ("organization_id","client_token");
--> statement-breakpoint
-- Every organization starts with WorkMail's default rule, which allows any device (core DEFAULT_RULE): without a rule
-- that allows, every device is blocked, so organizations that existed before rules did get it too.
INSERT INTO "mobile_device_access_rules" ("organization_id", "id", "name", "description", "effect", "conditions", "created_at", "updated_at")
SELECT "id", gen_random_uuid(), 'DefaultAllowAll', 'Allows every mobile device. Created with the organization.', 'ALLOW',
  '{"deviceTypes":[],"notDeviceTypes":[],"deviceModels":[],"notDeviceModels":[],"deviceOperatingSystems":[],"notDeviceOperatingSystems":[],"deviceUserAgents":[],"notDeviceUserAgents":[]}'::jsonb,
  now(), now()
FROM "organizations";
