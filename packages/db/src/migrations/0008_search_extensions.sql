-- The console's search matches a fragment anywhere in a name or an address, without case or accents, through
-- trigram GIN indexes (pg_trgm); btree_gin lets those indexes lead with organization_id, so a search reads only
-- the organization's entries. All three extensions are trusted: the database owner may create them.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gin WITH SCHEMA public;
--> statement-breakpoint
-- The folded form a search compares: lower case, accents removed. unaccent() is only STABLE (its dictionary could
-- change), so an index cannot use it directly; this wrapper names the dictionary and is declared IMMUTABLE, the
-- usual way to index it. BEGIN ATOMIC binds unaccent at creation, so no search_path can redirect it later.
CREATE FUNCTION public.mailyard_fold(value text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT lower(public.unaccent('public.unaccent'::regdictionary, value));
END;
