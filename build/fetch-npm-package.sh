#!/usr/bin/env bash
# Fetches one npm package (name@version) with the ordinary npm client and unpacks it into
# <dest>/package. An already-unpacked package is reused, so repeat builds need no network.
set -euo pipefail
spec="$1"
dest="$2"
[ -f "$dest/package/package.json" ] && exit 0
mkdir -p "$dest/tgz"
tgz=$(cd "$dest/tgz" && npm pack "$spec" --silent | tail -1)
tar -xzf "$dest/tgz/$tgz" -C "$dest"
