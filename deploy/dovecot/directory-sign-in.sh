#!/bin/bash
# Dovecot's checkpassword passdb for directory users (docs/directories.md): their password is their directory's, so
# Dovecot asks Mailyard (POST /api/mail-server/sign-in, docs/mail-server-contract.md), which binds to the directory
# as the user and applies the shared guess budget, the account's state and the organization's access rules.
# The checkpassword interface: the login and the password arrive NUL-terminated on fd 3; exit 1 refuses, 111 is a
# temporary failure (Mailyard or the directory unreachable), and a success runs the program named by the arguments
# (Dovecot's checkpassword-reply) with USER set to the mailbox the login opens (its primary address).
# Rendered from deploy/dovecot/directory-sign-in.sh by deploy/render.sh; the URL and token are in mailyard-api.env.
set -u
# Dovecot starts it with an almost empty environment: SERVICE (imap, smtp) and TCPREMOTEIP are what it sets.
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
. @@DOVECOT_CONFIG_DIR@@/mailyard-api.env
{ IFS= read -r -d '' login && IFS= read -r -d '' secret; } <&3 || exit 2

# The secret reaches jq and curl through pipes, never as an argument another process could list; so does the token.
question=$(printf '%s' "$secret" | jq -Rsc --arg login "$login" --arg service "${SERVICE:-}" --arg ip "${TCPREMOTEIP:-}" \
  '{login: $login, password: ., service: ($service | ascii_downcase), remoteIp: (if $ip == "" then null else $ip end)}') || exit 111
answer=$(printf '%s' "$question" | curl -sS --max-time 15 -w '\n%{http_code}' -H 'Content-Type: application/json' \
  -H @<(printf 'Authorization: Bearer %s\n' "$MAILYARD_MAIL_SERVER_TOKEN") --data-binary @- "$MAILYARD_URL/api/mail-server/sign-in") || exit 111
status=${answer##*$'\n'}
body=${answer%$'\n'*}

if [ "$status" != 200 ]; then
  code=$(jq -r '.code // empty' <<<"$body" 2>/dev/null)
  case $code in
    AUTH.INVALID_CREDENTIALS | AUTH.ACCOUNT_UNAVAILABLE | ACCESS.DENIED_BY_RULES | AUTH.RATE_LIMITED | VALIDATION) exit 1 ;;
    *) echo "directory-sign-in: Mailyard answered $status ${code:-without a code}: $body" >&2; exit 111 ;;
  esac
fi
USER=$(jq -er .user <<<"$body") || exit 111
# The mailbox belongs to the mail user like every other (dovecot.conf's mail_uid), not to this script's user.
export USER userdb_uid=@@MAIL_USER@@ userdb_gid=@@MAIL_GROUP@@ EXTRA='userdb_uid userdb_gid'
exec "$@"
