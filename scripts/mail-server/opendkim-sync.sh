#!/bin/sh
# Fetches the DKIM signing keys from Mailyard's mail-server API and writes what OpenDKIM reads: KeyTable,
# SigningTable and one key file per domain, into DIR (swapped in whole, so OpenDKIM never reads half a set), then
# asks OpenDKIM to reload them (SIGUSR1) if a pid file is given. Run it from cron, e.g. every 5 minutes.
#
#   MAILYARD_URL=https://mailyard.example.net MAILYARD_MAIL_SERVER_TOKEN=… opendkim-sync.sh /etc/opendkim/mailyard [/run/opendkim/opendkim.pid]
#
# Needs curl and jq. See docs/mail-server-contract.md for the OpenDKIM configuration that reads DIR.
set -eu
dir=${1:?usage: opendkim-sync.sh DIR [PIDFILE]}
pidfile=${2:-}
: "${MAILYARD_URL:?set MAILYARD_URL}" "${MAILYARD_MAIL_SERVER_TOKEN:?set MAILYARD_MAIL_SERVER_TOKEN}"
umask 077

new=$(mktemp -d "$dir.new.XXXXXX")
trap 'rm -rf "$new"' EXIT
curl -fsS --max-time 60 -H "Authorization: Bearer $MAILYARD_MAIL_SERVER_TOKEN" "$MAILYARD_URL/api/mail-server/dkim-keys" > "$new/keys.json"

mkdir "$new/keys"
# Domains are A-labels and selectors mailyard-YYYYMMDD-xxxx: both safe as file names.
jq -r --arg dir "$dir" '.keys[] | "\(.selector)._domainkey.\(.domain) \(.domain):\(.selector):\($dir)/keys/\(.domain).\(.selector).pem"' "$new/keys.json" > "$new/KeyTable"
jq -r '.keys[] | "*@\(.domain) \(.selector)._domainkey.\(.domain)"' "$new/keys.json" > "$new/SigningTable"
jq -r '.keys[] | "\(.domain).\(.selector).pem"' "$new/keys.json" | while read -r file; do
  jq -r --arg file "$file" '.keys[] | select("\(.domain).\(.selector).pem" == $file) | .privateKey' "$new/keys.json" > "$new/keys/$file"
done
rm "$new/keys.json"
chmod 700 "$new"

old="$dir.old"
rm -rf "$old"
if [ -e "$dir" ]; then mv "$dir" "$old"; fi
mv "$new" "$dir"
rm -rf "$old"
trap - EXIT

if [ -n "$pidfile" ]; then kill -USR1 "$(cat "$pidfile")"; fi
