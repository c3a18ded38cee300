#!/bin/sh
# Renders the mail-server configuration for Mailyard into OUT_DIR: deploy/{postfix,dovecot,opendkim,postgres}/* with every
# @@NAME@@ replaced by the environment variable NAME (see docs/deployment.md for the list). A variable that is unset
# stops the render with its name, so a half-filled file never reaches a server. The tests render with this script
# too, and run Debian's Postfix and Dovecot on the result.
#   usage: [NAME=value …] deploy/render.sh OUT_DIR
set -eu
[ $# -eq 1 ] || { echo "usage: $0 OUT_DIR" >&2; exit 2; }
src=$(cd "$(dirname "$0")" && pwd)
out=$1
for part in postfix dovecot opendkim postgres; do
  mkdir -p "$out/$part"
  for template in "$src/$part"/*; do
    target="$out/$part/$(basename "$template")"
    perl -pe 's/@@([A-Z0-9_]+)@@/defined $ENV{$1} ? $ENV{$1} : die "deploy\/render.sh: $1 is not set (needed by '"$part"'\/".(split m{\/}, $ARGV)[-1].")\n"/ge' "$template" >"$target.tmp" || {
      rm -f "$target.tmp"
      exit 1
    }
    # Files holding the database password or the mail-server token are readable by their owner and group only;
    # scripts stay executable.
    if grep -q '^password\|password=\|TOKEN=' "$target.tmp"; then chmod 640 "$target.tmp"
    elif [ -x "$template" ]; then chmod 755 "$target.tmp"
    else chmod 644 "$target.tmp"; fi
    mv "$target.tmp" "$target"
  done
done
