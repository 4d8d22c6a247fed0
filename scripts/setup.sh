#!/usr/bin/env bash
# Idempotent, pinned set-up for a fresh Debian 12 machine of this project's kind (run as root).
# Uses only the package registries (crates.io, npm, Debian apt). Every step is guarded by a
# cheap version / presence check, so a warm run takes about a second and changes nothing.
#
#   bash scripts/setup.sh
#
# Installs:
#   - rust target wasm32-unknown-unknown (+ rustfmt, clippy components)
#   - wasm-bindgen-cli  == the wasm-bindgen version in Cargo.lock   (cargo install)
#   - wasm-pack 0.15.1                                              (cargo install --locked)
#   - node_modules from package-lock.json (playwright-core, @axe-core/playwright, binaryen
#     whose wasm-opt wasm-pack must use: never Debian's binaryen, typescript for the
#     page's type check)                                            (npm ci)
#   - Debian chromium + chromium-driver for browser tests           (apt-get)
set -euo pipefail

WASM_PACK_VERSION=0.15.1

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$ROOT/node_modules/.bin:$CARGO_BIN:$PATH"

log() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

# If someone else is already running `cargo install <crate>` on this machine, wait for it
# rather than compiling the same crate twice in parallel; then re-check the version.
wait_for_other_install() {
  local crate=$1 waited=0
  while pgrep -f "cargo install ${crate}( |$)" >/dev/null 2>&1; do
    if [[ $waited -eq 0 ]]; then log "another 'cargo install ${crate}' is running; waiting for it"; fi
    sleep 5
    waited=$((waited + 5))
    if [[ $waited -ge 1200 ]]; then log "still running after ${waited}s; going ahead"; break; fi
  done
}

# --- toolchain presence -----------------------------------------------------------------
command -v cargo >/dev/null || die "cargo not found (expected rustup's toolchain in $CARGO_BIN)"
command -v rustup >/dev/null || die "rustup not found (expected in $CARGO_BIN)"
command -v node >/dev/null || die "node not found (this machine kind ships Node.js 20)"
command -v npm >/dev/null || die "npm not found (this machine kind ships npm with Node.js)"

# --- rust target and components ------------------------------------------------------------
if rustup target list --installed | grep -qx 'wasm32-unknown-unknown'; then
  log "skip: rust target wasm32-unknown-unknown already installed"
else
  log "installing rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

missing_components=()
cargo fmt --version >/dev/null 2>&1 || missing_components+=(rustfmt)
cargo clippy --version >/dev/null 2>&1 || missing_components+=(clippy)
if [[ ${#missing_components[@]} -eq 0 ]]; then
  log "skip: rustfmt and clippy already installed"
else
  log "installing rust components: ${missing_components[*]}"
  rustup component add "${missing_components[@]}"
fi

# --- wasm-bindgen CLI: must equal the wasm-bindgen library version in Cargo.lock ------------
wb_version=""
if [[ -f Cargo.lock ]]; then
  wb_version=$(awk '
    /^\[\[package\]\]/ { name = "" }
    /^name = / { name = $3; gsub(/"/, "", name) }
    /^version = / && name == "wasm-bindgen" { v = $3; gsub(/"/, "", v); print v; exit }
  ' Cargo.lock)
fi
if [[ -z $wb_version ]]; then
  # No lock file (or no wasm-bindgen in it): fall back to an exact `=X.Y.Z` pin in Cargo.toml.
  wb_version=$(sed -nE 's/^wasm-bindgen[[:space:]]*=[[:space:]]*(\{[^}]*version[[:space:]]*=[[:space:]]*)?"=([0-9][0-9.]*)".*/\2/p' Cargo.toml | head -n1)
  [[ -n $wb_version ]] || die "cannot find the wasm-bindgen version in Cargo.lock or an exact pin in Cargo.toml"
  log "note: wasm-bindgen version $wb_version taken from Cargo.toml (no Cargo.lock entry)"
fi

wasm_bindgen_ok() { [[ "$(wasm-bindgen --version 2>/dev/null || true)" == "wasm-bindgen $wb_version" ]]; }
if ! wasm_bindgen_ok; then wait_for_other_install wasm-bindgen-cli; fi
if wasm_bindgen_ok; then
  log "skip: wasm-bindgen $wb_version already installed"
else
  log "installing wasm-bindgen-cli $wb_version (found: $(wasm-bindgen --version 2>/dev/null || echo none))"
  # Without --locked on purpose: the crate's lock file asks for a webpki-roots version that
  # the registry does not serve.
  cargo install wasm-bindgen-cli --version "$wb_version" --force
  wasm_bindgen_ok || die "wasm-bindgen --version does not print $wb_version after install"
fi

# --- wasm-pack ---------------------------------------------------------------------------
wasm_pack_ok() { [[ "$(wasm-pack --version 2>/dev/null || true)" == "wasm-pack $WASM_PACK_VERSION" ]]; }
if ! wasm_pack_ok; then wait_for_other_install wasm-pack; fi
if wasm_pack_ok; then
  log "skip: wasm-pack $WASM_PACK_VERSION already installed"
else
  log "installing wasm-pack $WASM_PACK_VERSION (found: $(wasm-pack --version 2>/dev/null || echo none))"
  cargo install wasm-pack --version "$WASM_PACK_VERSION" --locked --force
  wasm_pack_ok || die "wasm-pack --version does not print $WASM_PACK_VERSION after install"
fi

# --- npm packages (playwright-core, @axe-core/playwright, binaryen) ---------------------------
if [[ ! -d node_modules || ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  log "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
else
  log "skip: node_modules is up to date with package-lock.json"
fi
[[ -x node_modules/.bin/wasm-opt ]] || die "node_modules/.bin/wasm-opt missing (npm binaryen not installed?)"
[[ -x node_modules/.bin/tsc ]] || die "node_modules/.bin/tsc missing (npm typescript not installed?)"
[[ -x node_modules/.bin/esbuild ]] || die "node_modules/.bin/esbuild missing (npm esbuild not installed?)"

# --- Debian chromium + chromedriver for browser tests ----------------------------------------
if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
  log "skip: /usr/bin/chromium and /usr/bin/chromedriver present"
else
  log "installing Debian chromium and chromium-driver"
  export DEBIAN_FRONTEND=noninteractive
  # As root (CI, this machine) apt-get runs directly; otherwise through sudo.
  as_root=()
  [[ "$(id -u)" -eq 0 ]] || as_root=(sudo env DEBIAN_FRONTEND=noninteractive)
  "${as_root[@]}" apt-get update
  "${as_root[@]}" apt-get install -y chromium chromium-driver
  [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]] || die "chromium/chromedriver still missing after apt-get"
fi

log "done"
