#!/usr/bin/env bash
# Install what the FAT32 export test uses: Debian's dosfstools (mkfs.vfat) and mtools (mcopy), which
# write a FAT32 image without mounting it. Needs root (or sudo) and apt; elsewhere that test skips.
set -euo pipefail
if command -v mkfs.vfat >/dev/null && command -v mcopy >/dev/null; then
    exit 0
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends dosfstools mtools >/dev/null
