#!/usr/bin/env bash
# Install what the browser tests drive: Debian's Chromium and its driver (never a downloaded
# browser), plus CJK fonts so the screenshots show Chinese rather than empty boxes.
# Needs root (or sudo) and apt; elsewhere the browser tests skip with a reason.
set -euo pipefail
if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
    exit 0
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-noto-cjk >/dev/null
chromium --version
