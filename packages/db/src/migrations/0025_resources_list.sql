ALTER TABLE "resources" ADD COLUMN "search_text" text GENERATED ALWAYS AS (mailyard_fold("resources"."name" || E'\x1f' || coalesce("resources"."primary_email", ''))) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "resources_type_name_page_idx" ON "resources" USING btree ("organization_id","type",lower("name") COLLATE "C","id");--> statement-breakpoint
CREATE INDEX "resources_email_page_idx" ON "resources" USING btree ("organization_id",coalesce("primary_email", '') COLLATE "C","id");--> statement-breakpoint
CREATE INDEX "resources_state_name_page_idx" ON "resources" USING btree ("organization_id","state",lower("name") COLLATE "C","id");--> statement-breakpoint
CREATE INDEX "resources_created_page_idx" ON "resources" USING btree ("organization_id","created_at","id");--> statement-breakpoint
CREATE INDEX "resources_search_idx" ON "resources" USING gin ("organization_id","search_text" gin_trgm_ops);