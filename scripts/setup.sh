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
    .venv/bin/python -m pip install --quiet --upgrade pip
    local spec="."
    [[ -n $extras ]] && spec=".[${extras}]"
    .venv/bin/python -m pip install --quiet --editable "$spec"
    echo "$want" >"$stamp"
  fi
}
