#!/usr/bin/env bash
# Debian packages BrokerDesk's CI needs: a PostgreSQL server for the team-mode tests, the
# runtime libraries PySide6 needs on the offscreen platform, poppler-utils for PDF checks, and
# faketime (libfaketime) for the date-sensitive tests under shifted clocks.
# Idempotent and quiet: installs only what is missing; needs root (or sudo) for that.
set -euo pipefail

PACKAGES=(
  postgresql            # the server (pg_ctl, initdb) the tests start themselves
  postgresql-contrib
  libegl1 libgl1 libopengl0 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6
  libdbus-1-3 libglib2.0-0 libx11-6 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4
  libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0
  libxcb-xfixes0 libxcb-xinerama0 libxcb-xkb1 libxrender1 libxi6 libsm6 libice6
  libnss3 libasound2 fonts-dejavu-core
  poppler-utils         # pdftotext, for checking exported PDFs
  faketime              # libfaketime: `make pytest-shifted-clocks` moves the system clock
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "system dependencies: all present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
echo "system dependencies: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
log="$(mktemp)"
if ! { $SUDO apt-get update -qq && \
       $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
  cat "$log" >&2
  rm -f "$log"
  exit 1
fi
rm -f "$log"
# Debian starts a cluster on install; the tests run their own server, so stop the default one.
if command -v pg_lsclusters >/dev/null 2>&1; then
  $SUDO pg_ctlcluster --help >/dev/null 2>&1 && \
    pg_lsclusters -h 2>/dev/null | awk '$4=="online"{print $1, $2}' | while read -r ver name; do
      $SUDO pg_ctlcluster "$ver" "$name" stop || true
    done
fi
echo "system dependencies: done"
