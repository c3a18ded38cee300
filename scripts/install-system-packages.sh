#!/usr/bin/env bash
# Debian packages the tests use: Chromium for browser tests, the AWS CLI v2 for the /aws tests, Dovecot and
# Postfix (with their PostgreSQL drivers, and Dovecot's LMTP server that Postfix delivers to) for the mail-server
# tests. Installs only what is missing.
set -euo pipefail
# dnsmasq-base: the DNS server domain checks ask; opendkim(-tools), curl and jq: the DKIM signer and its sync script;
# slapd and ldap-utils: the OpenLDAP directory of the Standard-setup tests; pgbouncer: the pooler test (test/scaling).
packages=(chromium awscli dovecot-imapd dovecot-lmtpd dovecot-pgsql postfix postfix-pgsql dnsmasq-base opendkim opendkim-tools curl jq slapd ldap-utils pgbouncer)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then echo "Missing Debian packages: ${missing[*]} (run as root: apt-get install -y ${missing[*]})"; exit 1; fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
