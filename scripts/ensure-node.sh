#!/usr/bin/env bash
# Makes sure `node` on PATH is Node.js 24 (the LTS Mailyard runs on) or newer. On an older machine it installs
# Node 24's prebuilt binary from the npm registry (`node-linux-<arch>@24`, the package the `node` package's own
# installer would fetch) into /usr/local, whose bin/ comes before /usr/bin on PATH. `npm i -g node@24` does not
# work there: npm's global prefix is /usr, so it collides with /usr/bin/node, and npm 11 blocks that package's
# install script. Needs root (or write access to the prefix). NODE_PREFIX overrides /usr/local.
set -euo pipefail

required=24
prefix="${NODE_PREFIX:-/usr/local}"

major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(major node)" -ge "$required" ]; then exit 0; fi

case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) echo "ensure-node: no prebuilt Node.js $required for $(uname -m); install Node.js $required or newer yourself." >&2; exit 1 ;;
esac

echo "ensure-node: node is $(node --version 2>/dev/null || echo 'missing'); installing Node.js $required into $prefix (node-linux-$arch@$required from the npm registry)"
npm i -g --no-fund --no-audit --prefix "$prefix" "node-linux-$arch@$required"

installed="$prefix/bin/node"
if [ "$(major "$installed")" -lt "$required" ]; then
  echo "ensure-node: $installed is not Node.js $required after installing it." >&2
  exit 1
fi
if [ "$(command -v node)" != "$installed" ]; then
  echo "ensure-node: installed $($installed --version) as $installed, but \`node\` on PATH is $(command -v node || echo 'missing'): put $prefix/bin first on PATH." >&2
  exit 1
fi
echo "ensure-node: $(node --version) at $installed"
