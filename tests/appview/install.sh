#!/usr/bin/env bash
# Installs @atproto/dev-env (PLC + PDS + the Bluesky AppView) with Node 22 into a cache outside the clone,
# keyed by the lockfiles, and links it here as tests/appview/node_modules: tests/pds/install.sh's steps
# (npm registry only, native modules compiled against Node 22's headers). Cold: about eight minutes on two
# busy cores. Running it needs PostgreSQL (127.0.0.1:5432, user postgres) and redis-server on the PATH.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
command -v redis-server >/dev/null || echo "install.sh: redis-server is not on the PATH; the AppView needs it" >&2
JUNO_PDS_CACHE="${JUNO_APPVIEW_CACHE:-/var/cache/juno-appview}" exec bash "$here/../pds/install.sh" "$here"
