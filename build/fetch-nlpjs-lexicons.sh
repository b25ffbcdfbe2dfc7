#!/usr/bin/env bash
# Fetches the MIT-licensed nlp.js language packages with the ordinary npm client (by package name)
# and unpacks them under target/nlpjs/<lang>/package; the build then copies only their sentiment
# lexicons into the jar. Already-unpacked packages are reused, so repeat builds need no network.
set -euo pipefail
version="$1"; shift
target="$1"; shift
for lang in "$@"; do
  [ -d "$target/$lang/package/src/sentiment" ] && continue
  "$(dirname "$0")/fetch-npm-package.sh" "@nlpjs/lang-$lang@$version" "$target/$lang"
done
