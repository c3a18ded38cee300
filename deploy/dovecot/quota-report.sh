#!/bin/sh
# Reports mailbox usage to Mailyard's mail-server API (POST /api/mail-server/usage, docs/mail-server-and-devices.md):
# the one mailbox USER when Dovecot's quota_warning runs it (the quota-report service), or every mailbox without
# USER (cron or a systemd timer: the console's usage bars). Usage is what Dovecot counts (doveadm quota get, in KiB).
# Rendered from deploy/dovecot/quota-report.sh by deploy/render.sh; the URL and token are in mailyard-api.env.
#   usage: quota-report.sh [USER]
set -eu
# Dovecot's script service starts it with an empty environment.
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
. @@DOVECOT_CONFIG_DIR@@/mailyard-api.env
if [ $# -gt 0 ]; then who="-u $1"; else who=-A; fi
# shellcheck disable=SC2086 # $who is two words or one
doveadm -c @@DOVECOT_CONFIG_DIR@@/dovecot.conf -f tab quota get $who |
  # Tab-separated with a header line (a Username column with -A only); 1000 reports per request at most.
  jq -R -s -c --arg user "${1:-}" '
    split("\n") | map(select(length > 0) | split("\t")) | .[0] as $header
    | [.[1:][] | [$header, .] | transpose | map({(.[0]): .[1]}) | add | select(.Type == "STORAGE")
       | {address: (.Username // $user), usageBytes: ((.Value | tonumber) * 1024)}]
    | . as $reports | range(0; length; 1000) | {reports: $reports[.:. + 1000]}' |
  while read -r batch; do
    printf '%s' "$batch" | curl -fsS --max-time 30 -o /dev/null -H "Authorization: Bearer $MAILYARD_MAIL_SERVER_TOKEN" \
      -H 'Content-Type: application/json' --data-binary @- "$MAILYARD_URL/api/mail-server/usage"
  done
