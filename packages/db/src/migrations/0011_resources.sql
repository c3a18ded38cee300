CREATE TABLE "resource_delegates" (
	"organization_id" text NOT NULL,
	"resource_id" uuid NOT NULL,
	"delegate_id" uuid NOT NULL,
	"delegate_type" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "resource_delegates_organization_id_resource_id_delegate_id_pk" PRIMARY KEY("organization_id","resource_id","delegate_id")
);
--> statement-breakpoint
CREATE TABLE "resources" (
	"organization_id" text NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"description" text,
	"primary_email" text,
	"state" text NOT NULL,
	"hidden_from_gal" boolean DEFAULT false NOT NULL,
	"auto_accept_requests" boolean NOT NULL,
	"auto_decline_recurring_requests" boolean NOT NULL,
	"auto_decline_conflicting_requests" boolean NOT NULL,
	"enabled_at" timestamp with time zone,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "resources_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "resource_delegates_delegate_idx" ON "resource_delegates" USING btree ("organization_id","delegate_id");--> statement-breakpoint
CREATE UNIQUE INDEX "resources_name_key" ON "resources" USING btree ("organization_id",lower("name")) WHERE "resources"."state" <> 'DELETED';--> statement-breakpoint
CREATE INDEX "resources_name_page_idx" ON "resources" USING btree ("organization_id",lower("name") COLLATE "C","id");