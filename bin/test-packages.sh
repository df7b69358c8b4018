#!/usr/bin/env bash
# Debian packages the tests use, installed when missing: chromium (the status page and console are checked in a
# real headless browser). Tests that need a package skip when it cannot be installed (no root, no network).
set -uo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
  echo "test-packages: ${missing[*]} missing and no root to install them; the browser tests will skip" >&2
  exit 0
fi
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
echo "test-packages: installing ${missing[*]}" >&2
if ! { as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >&2; then
  echo "test-packages: could not install ${missing[*]}; the browser tests will skip" >&2
fi
exit 0
