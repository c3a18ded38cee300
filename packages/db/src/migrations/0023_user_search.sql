-- The users list's search box reads a narrow table of its own (schema/user-search.ts says why), one row per user,
-- kept by triggers on users and addresses: every path that writes either (the console, /aws, imports, directory
-- sync, migrations from WorkMail) keeps it without knowing it exists.
CREATE TABLE "user_search" (
	"organization_id" text NOT NULL,
	"user_id" uuid NOT NULL,
	"state" text NOT NULL,
	"name_key" text NOT NULL,
	"display_name_key" text NOT NULL,
	"email_key" text NOT NULL,
	"identity_provider_key" text,
	"created_at" timestamp with time zone NOT NULL,
	"search_text" text NOT NULL,
	CONSTRAINT "user_search_organization_id_user_id_pk" PRIMARY KEY("organization_id","user_id")
);
--> statement-breakpoint
-- Every piece of one or two characters of a folded text, repeats included (an index keeps each once): what a search
-- too short for trigrams looks up. Pieces that span the separator (U+001F) are never looked up, since no search may
-- contain it. Written with string_to_array and substr: five times faster than the same with DISTINCT and a filter.
CREATE FUNCTION public.mailyard_short_grams(value text) RETURNS text[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT string_to_array(value, NULL) || ARRAY(SELECT substr(value, i, 2) FROM generate_series(1, char_length(value) - 1) AS i);
END;
--> statement-breakpoint
-- Writes one user's search row from the user and its aliases (the row goes with the user: ON DELETE CASCADE): the
-- folded text as `searchText` (schema/search-text.ts) folds the other lists' (users no longer keep one of their own).
-- The keys are the users list's sort keys as its page indexes hold them. PL/pgSQL keeps the statement's plan for the
-- connection, and plan_cache_mode = auto lets it (Mailyard's connections force a plan per execution, which here cost
-- three quarters of a trigger's time): the plan is the same for every user, two primary-key look-ups.
CREATE FUNCTION public.mailyard_refresh_user_search(organization text, entity uuid) RETURNS void
  LANGUAGE plpgsql SET search_path = pg_catalog, public SET plan_cache_mode = auto
AS $$
BEGIN
  INSERT INTO public.user_search AS s
    (organization_id, user_id, state, name_key, display_name_key, email_key, identity_provider_key, created_at, search_text)
  SELECT u.organization_id, u.id, u.state, lower(u.name), lower(u.display_name), coalesce(u.primary_email, ''),
         lower(u.identity_provider_user_id), u.created_at,
         public.mailyard_fold(u.name || E'\x1f' || u.display_name || E'\x1f' || coalesce(u.primary_email, '')) || coalesce((
           SELECT string_agg(E'\x1f' || a.search_text, '' ORDER BY a.address)
           FROM public.addresses AS a
           WHERE a.organization_id = u.organization_id AND a.entity_id = u.id AND a.entity_type = 'USER' AND NOT a.is_primary
         ), '')
  FROM public.users AS u
  WHERE u.organization_id = organization AND u.id = entity
  ON CONFLICT (organization_id, user_id) DO UPDATE SET
    state = excluded.state,
    name_key = excluded.name_key,
    display_name_key = excluded.display_name_key,
    email_key = excluded.email_key,
    identity_provider_key = excluded.identity_provider_key,
    created_at = excluded.created_at,
    search_text = excluded.search_text;
END
$$;
--> statement-breakpoint
CREATE FUNCTION public.mailyard_user_search_on_user() RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog, public
AS $$
BEGIN
  PERFORM public.mailyard_refresh_user_search(NEW.organization_id, NEW.id);
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- An alias added, removed, moved or made primary changes its user's text (a primary address is in the user's own).
CREATE FUNCTION public.mailyard_user_search_on_address() RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog, public
AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND OLD.entity_type = 'USER' AND NOT OLD.is_primary THEN
    PERFORM public.mailyard_refresh_user_search(OLD.organization_id, OLD.entity_id);
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.entity_type = 'USER' AND NOT NEW.is_primary
     AND (TG_OP = 'INSERT' OR OLD.is_primary OR OLD.entity_type <> 'USER'
          OR (OLD.organization_id, OLD.entity_id) IS DISTINCT FROM (NEW.organization_id, NEW.entity_id)) THEN
    PERFORM public.mailyard_refresh_user_search(NEW.organization_id, NEW.entity_id);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Every user's row, written as the triggers write it (before the indexes: building them once is faster).
SELECT public.mailyard_refresh_user_search(organization_id, id) FROM users;
--> statement-breakpoint
ALTER TABLE "user_search" ADD CONSTRAINT "user_search_organization_id_user_id_users_organization_id_id_fk" FOREIGN KEY ("organization_id","user_id") REFERENCES "public"."users"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "user_search_text_idx" ON "user_search" USING gin ("organization_id","search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "user_search_short_grams_idx" ON "user_search" USING gin ("organization_id",mailyard_short_grams("search_text"));--> statement-breakpoint
CREATE TRIGGER user_search_on_user AFTER INSERT OR UPDATE OF name, display_name, primary_email, identity_provider_user_id, state, created_at
  ON users FOR EACH ROW EXECUTE FUNCTION public.mailyard_user_search_on_user();
--> statement-breakpoint
CREATE TRIGGER user_search_on_address AFTER INSERT OR UPDATE OR DELETE
  ON addresses FOR EACH ROW EXECUTE FUNCTION public.mailyard_user_search_on_address();
--> statement-breakpoint
DROP INDEX "users_search_idx";
--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "search_text";
