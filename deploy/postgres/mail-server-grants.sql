-- The mail servers' database role reads the mailserver views and runs the mailserver functions, and nothing else (a
-- view, and a SECURITY DEFINER function, runs with its owner's rights on the tables behind it). Rendered from deploy/postgres/mail-server-grants.sql by deploy/render.sh; run it as the
-- role that runs Mailyard's migrations, after creating the role, and again after each upgrade (new views and functions).
GRANT CONNECT ON DATABASE @@DB_NAME@@ TO @@DB_USER@@;
GRANT USAGE ON SCHEMA mailserver TO @@DB_USER@@;
GRANT SELECT ON ALL TABLES IN SCHEMA mailserver TO @@DB_USER@@;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA mailserver TO @@DB_USER@@;
