# Shared by scripts/build and scripts/test: an up-to-date virtual environment in .venv.
# Idempotent and quick when nothing changed: pip runs only when pyproject.toml or the wanted
# extras differ from the last successful install.
set -euo pipefail

ensure_venv() {
  local extras=${1:-}
  local python=${PYTHON:-python3}
  if [[ ! -x .venv/bin/python ]]; then
    "$python" -m venv .venv
  fi
  local want stamp=.venv/.parentinfo-installed
  want="$(sha256sum pyproject.toml | cut -d' ' -f1) ${extras}"
  if [[ ! -f $stamp ]] || ! grep -qxF -- "$want" "$stamp"; then
    local spec="." log=.venv/pip.log
    [[ -n $extras ]] && spec=".[${extras}]"
    # pip's chatter goes to a log, shown only if the install fails.
    if ! { .venv/bin/python -m pip install --upgrade pip && .venv/bin/python -m pip install --editable "$spec"; } >"$log" 2>&1; then
      cat "$log" >&2
      echo "scripts: installing Python packages failed (log above, also in $log)" >&2
      exit 1
    fi
    echo "$want" >"$stamp"
  fi
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
