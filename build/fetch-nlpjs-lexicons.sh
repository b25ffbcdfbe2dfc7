#!/usr/bin/env bash
# Fetches the MIT-licensed nlp.js language packages with the ordinary npm client (by package name)
# and unpacks them under target/nlpjs/<lang>/package; the build then copies only their sentiment
# lexicons into the jar. Already-unpacked packages are reused, so repeat builds need no network.
set -euo pipefail
version="$1"; shift
target="$1"; shift
mkdir -p "$target/tgz"
for lang in "$@"; do
  dest="$target/$lang"
  [ -d "$dest/package/src/sentiment" ] && continue
  tgz=$(cd "$target/tgz" && npm pack "@nlpjs/lang-$lang@$version" --silent | tail -1)
  mkdir -p "$dest"
  tar -xzf "$target/tgz/$tgz" -C "$dest"
done
