# Shared by scripts/build and scripts/test: a virtual environment in .venv that holds exactly
# the pins of a lock (requirements/build.txt, or requirements/test.txt: the build's pins plus the
# test tools; scripts/lock regenerates both). Idempotent and quick when nothing changed: pip runs
# only when the lock or pyproject.toml differ from the last successful install, recorded in a stamp.
set -euo pipefail

ensure_venv() {
  local extras=${1:-}
  local python=${PYTHON:-python3}
  local lock=requirements/${extras:-build}.txt
  if [[ ! -x .venv/bin/python ]]; then
    "$python" -m venv .venv
  fi
  local stamp=.venv/.parentinfo-installed project want
  project=$(sha256sum pyproject.toml | cut -d' ' -f1)
  want="$(sha256sum "$lock" | cut -d' ' -f1) $project"
  [[ -f $stamp ]] && grep -qxF -- "$want" "$stamp" && return 0
  # The test lock holds every build pin, so a venv made for the tests serves the build as it is.
  if [[ -z $extras && -f $stamp ]] && grep -qxF -- "$(sha256sum requirements/test.txt | cut -d' ' -f1) $project" "$stamp"; then
    return 0
  fi
  local log=.venv/pip.log
  # pip's chatter goes to a log, shown only if the install fails. Packages the lock no longer
  # holds (an old venv) are removed, so `pip freeze` equals the lock.
  if ! {
    .venv/bin/python -m pip install --require-hashes --no-deps -r "$lock" &&
      .venv/bin/python -m pip install --no-deps --editable . &&
      .venv/bin/python scripts/prune_venv.py "$lock"
  } >"$log" 2>&1; then
    cat "$log" >&2
    echo "scripts: installing Python packages from $lock failed (log above, also in $log)" >&2
    exit 1
  fi
  echo "$want" >"$stamp"
}

# Debian packages, installed only when missing (needs root, as on CI and a fresh machine).
ensure_apt() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  ((${#missing[@]})) || return 0
  echo "Installing Debian packages: ${missing[*]}"
  local log=/tmp/parentinfo-apt.log
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
    cat "$log" >&2
    echo "scripts: installing Debian packages failed (log above)" >&2
    exit 1
  fi
}

# What the build needs from Debian: Noto fonts (Arabic, Urdu, Bengali, Gurmukhi pages and leaflets)
# and Pango, which WeasyPrint lays text out with.
BUILD_APT=(fonts-noto-core libpango-1.0-0 libpangoft2-1.0-0)

# npm packages for the browser audit (axe-core), from package-lock.json, only when it changed.
ensure_npm() {
  local want stamp=node_modules/.parentinfo-installed
  want=$(sha256sum package-lock.json | cut -d' ' -f1)
  [[ -f $stamp ]] && grep -qxF "$want" "$stamp" && return 0
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" >"$stamp"
}
