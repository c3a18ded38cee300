#!/bin/bash
# Dovecot's last userdb (dovecot.conf): the private mailbox key of a mailbox Dovecot opens, which Mailyard unseals
# with the organization's data key (POST /api/mail-server/mailbox-key, docs/mail-server-contract.md). LMTP needs it
# too: Dovecot reads a message back as it stores it (its size, its cached headers). Only Postfix's quota check, which
# reads no message, goes without, so Postfix keeps accepting mail (and queues it) while Mailyard is down.
# The checkpassword userdb interface: the mailbox arrives NUL-terminated on fd 3 with AUTHORIZED=1; a success sets
# AUTHORIZED=2 and runs the program named by the arguments (checkpassword-reply), which returns the userdb_* fields
# listed in EXTRA; exit 1 is "no such user", 111 a temporary failure (the session or delivery is tried again).
# Rendered from deploy/dovecot/mailbox-key.sh by deploy/render.sh; the URL and token are in mailyard-api.env.
set -u
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
. @@DOVECOT_CONFIG_DIR@@/mailyard-api.env
IFS= read -r -d '' mailbox <&3 || exit 2
# The mailbox belongs to the mail user like every other (dovecot.conf's mail_uid), not to this script's user.
export USER=$mailbox AUTHORIZED=2 userdb_uid=@@MAIL_USER@@ userdb_gid=@@MAIL_GROUP@@ EXTRA='userdb_uid userdb_gid'
case ${SERVICE:-} in
  quota-status) exec "$@" ;;
esac

answer=$(jq -nc --arg mailbox "$mailbox" '{mailbox: $mailbox}' | curl -sS --max-time 15 -w '\n%{http_code}' -H 'Content-Type: application/json' \
  -H @<(printf 'Authorization: Bearer %s\n' "$MAILYARD_MAIL_SERVER_TOKEN") --data-binary @- "$MAILYARD_URL/api/mail-server/mailbox-key") || exit 111
status=${answer##*$'\n'}
body=${answer%$'\n'*}
case $status in
  200) ;;
  404) exit 1 ;;
  *) echo "mailbox-key: Mailyard answered $status: $body" >&2; exit 111 ;;
esac
key=$(jq -r '.privateKey // empty' <<<"$body") || exit 111
if [ -n "$key" ]; then
  export userdb_mail_crypt_global_private_key=$key EXTRA="$EXTRA userdb_mail_crypt_global_private_key"
fi
exec "$@"
