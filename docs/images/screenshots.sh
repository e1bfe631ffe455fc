#!/usr/bin/env bash
# The screenshots of the example reports in the README: each example brief with check-ins, reported on
# 1 March 2026 and photographed by headless Chromium (apt-get install chromium). Run from the repository.
set -euo pipefail
out=docs/images
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for brief in progress-coffee-en progress-stretching-ru progress-bakery-uk; do
  lang=${brief##*-}
  smmrules report --today 2026-03-01 "examples/$brief.goals" -o "$work/$brief.html"
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --no-first-run --hide-scrollbars --user-data-dir="$work/profile" --window-size=820,1500 \
    --screenshot="$out/report-$lang.png" "file://$work/$brief.html" 2>/dev/null
done
