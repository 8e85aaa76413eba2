#!/bin/sh
# Makes sure Debian's Chromium is at /usr/bin/chromium for the end-to-end test that opens
# reports/conformance.html in a real browser. Playwright's own browser download cannot work here
# (only the npm registry and Debian's packages are reachable), so the project uses the distribution's
# package and drives it with playwright-core's executablePath. Idempotent; needs root (or sudo) only
# when it has to install.
set -eu
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "ensure-chromium: $CHROMIUM is missing and this user cannot install it (not root, no sudo)" >&2
  exit 1
fi
echo "ensure-chromium: installing Debian's chromium package" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
test -x "$CHROMIUM"
