-- A search's count tells a small total, counted exactly, from a large one, estimated, by counting first its matches in
-- a sample (queries/user-list.ts, countUsers; list-total.ts, sampledTotal): one user in 256, then one in 16, each
-- through partial twins of the two search indexes that hold only that sample's rows. A last name matching 3,333 users
-- of 100,000 read 2,986 heap pages to be counted, its sample of one in 16 189. The last byte of a user id is random (a
-- version 4 UUID, and the random part of a version 7 one), so a sample holds a fair share of any search.
CREATE FUNCTION public.mailyard_sample_bucket(id uuid) RETURNS integer
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN get_byte(uuid_send(id), 15);
--> statement-breakpoint
CREATE INDEX "user_search_text_sample256_idx" ON "user_search" USING gin ("organization_id","search_text" gin_trgm_ops) WHERE mailyard_sample_bucket("user_search"."user_id") = 0;--> statement-breakpoint
CREATE INDEX "user_search_short_grams_sample256_idx" ON "user_search" USING gin ("organization_id",mailyard_short_grams("search_text")) WHERE mailyard_sample_bucket("user_search"."user_id") = 0;--> statement-breakpoint
CREATE INDEX "user_search_text_sample16_idx" ON "user_search" USING gin ("organization_id","search_text" gin_trgm_ops) WHERE mailyard_sample_bucket("user_search"."user_id") % 16 = 0;--> statement-breakpoint
CREATE INDEX "user_search_short_grams_sample16_idx" ON "user_search" USING gin ("organization_id",mailyard_short_grams("search_text")) WHERE mailyard_sample_bucket("user_search"."user_id") % 16 = 0;