# greenpath: build, test and serve the Rust → wasm planner and its static site.
#
#   make setup      install pinned tools (idempotent; ~1 s when warm)
#   make pkg        wasm-pack release build into pkg/ (optimised by npm binaryen's wasm-opt)
#   make site       assemble dist/ from www/, pkg/ and data/
#   make serve      serve dist/ on http://127.0.0.1:8080/
#   make data       rebuild the dataset's parts (data/parts/*.bin.gz) from the raw sources
#   make test       everything CI runs (.ci/run calls this)
#   make bench      native criterion benches + browser benchmark
#   make fuzz       run each cargo-fuzz target for FUZZ_SECONDS (default 60; nightly, installs cargo-fuzz)
#   make calibrate  run the calibration example (writes docs/calibration.md)
#   make quality    the recommendation quality report (writes docs/quality.md; RECORD=label keeps a history row)
#   make clean      remove build outputs

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:
MAKEFLAGS += --no-builtin-rules

# npm's binaryen (wasm-opt) and cargo-installed wasm-pack / wasm-bindgen come first, so that
# neither Debian's binaryen nor any other copy on PATH is picked up.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

PORT ?= 8080
LOG_DIR := target/ci-logs

.PHONY: help setup pkg site serve data test bench fuzz calibrate quality clean \
	fmt-check clippy clippy-wasm test-native test-wasm-node test-wasm-chrome test-browser typecheck

help:
	@sed -n 's/^#   make /make /p' $(firstword $(MAKEFILE_LIST))

setup:
	bash scripts/setup.sh

# ---------------------------------------------------------------------------------------
# Build

# Canned recipes, so `test` can run the same steps in a fixed order without re-running setup.
define BUILD_PKG
	@echo "==> wasm-pack build --release --target web (wasm-opt: $$(command -v wasm-opt || echo MISSING))"
	@[[ "$$(command -v wasm-opt)" == "$(CURDIR)/node_modules/.bin/wasm-opt" ]] || \
	  { echo "error: wasm-opt must come from node_modules/.bin (npm binaryen); run make setup" >&2; exit 1; }
	@mkdir -p $(LOG_DIR)
	@# Two modules: pkg/ for the worker page (without the college and council planners: less to
	@# download before the first answer) and pkg-area/ with them, for the college page.
	wasm-pack build --release --target web --mode no-install -- --no-default-features 2>&1 | tee $(LOG_DIR)/wasm-pack-build.log
	@# pkg/ is also the npm package: its entry point, data and metadata (scripts/package-npm.mjs).
	node scripts/package-npm.mjs pkg
	wasm-pack build --release --target web --mode no-install --out-dir pkg-area 2>&1 | tee $(LOG_DIR)/wasm-pack-build-area.log
	@for log in wasm-pack-build wasm-pack-build-area; do \
	  grep -qF 'found wasm-opt at "$(CURDIR)/node_modules/.bin/wasm-opt"' $(LOG_DIR)/$$log.log && \
	  grep -qF 'Optimizing wasm binaries with `wasm-opt`' $(LOG_DIR)/$$log.log || \
	  { echo "error: wasm-pack did not run npm binaryen's wasm-opt (see $(LOG_DIR)/$$log.log)" >&2; exit 1; }; done
	@for dir in pkg pkg-area; do echo "$$dir/greenpath_bg.wasm: $$(wc -c < $$dir/greenpath_bg.wasm) bytes, $$(gzip -9 -c $$dir/greenpath_bg.wasm | wc -c) gzipped"; done
endef

define BUILD_SITE
	@for part in core skills skill-names details courses local; do [[ -f data/parts/$$part.bin.gz ]] || \
	  { echo "error: data/parts/$$part.bin.gz is missing; run 'make data'" >&2; exit 1; }; done
	rm -rf dist
	mkdir -p dist
	cp -R www/. dist/
	@# Chart layout library from npm (pinned), bundled with its dependencies into one ES module
	@# served from the site's own origin.
	esbuild www/vendor/d3-sankey.js --bundle --format=esm --minify --legal-comments=inline \
	  --log-level=warning --allow-overwrite --outfile=dist/vendor/d3-sankey.js
	@# The embed's script as one module, so that its integrity hash covers all of its code; the
	@# hash goes into the embed page's snippet.
	esbuild www/embed/greenpath-explorer.js --bundle --format=esm --minify --legal-comments=inline \
	  --log-level=warning --allow-overwrite --outfile=dist/embed/greenpath-explorer.js
	node scripts/embed-sri.mjs dist
	mkdir -p dist/pkg dist/pkg-area dist/data
	cp pkg/greenpath.js pkg/greenpath_bg.wasm pkg/*.d.ts dist/pkg/
	cp pkg-area/greenpath.js pkg-area/greenpath_bg.wasm pkg-area/*.d.ts dist/pkg-area/
	@# Each part as it is fetched (.bin) with the committed gzip beside it (.bin.gz) for
	@# hosts that serve pre-compressed files.
	for gz in data/parts/*.bin.gz; do cp $$gz dist/data/ && gzip -d -c $$gz > dist/data/$$(basename $$gz .gz); done
	@# Offline after the first visit: this build's version and files into the service worker.
	node scripts/service-worker.mjs dist
	@# Pre-compressed siblings for hosts that serve them (scripts/serve.mjs, nginx gzip_static);
	@# -n: no name or time in the header, so the build is reproducible.
	find dist -type f \( -name '*.html' -o -name '*.js' -o -name '*.mjs' -o -name '*.css' -o -name '*.wasm' \
	  -o -name '*.svg' -o -name '*.json' -o -name '*.ts' -o -name '*.txt' -o -name '*.md' \) -exec gzip -9 -n -k -f {} +
	@echo "dist/: $$(find dist -type f ! -name '*.gz' | wc -l) files, $$(find dist -type f -name '*.gz' | wc -l) gzipped"
endef

pkg: setup
	$(BUILD_PKG)

site: pkg
	$(BUILD_SITE)

# FRAME_ANCESTORS: the sites that may frame the iframe embed, e.g.
# make serve FRAME_ANCESTORS="'self' https://www.anytown.gov.uk" (default: the site itself).
FRAME_ANCESTORS ?= 'self'

serve: setup site
	node scripts/serve.mjs --root dist --port $(PORT) --frame-ancestors "$(FRAME_ANCESTORS)"

# Extra arguments for build-data, e.g. make data DATA_ARGS='--raw /path/to/raw'.
DATA_ARGS ?=

data:
	cargo run --release --features builder --bin build-data -- $(DATA_ARGS)

# ---------------------------------------------------------------------------------------
# Tests, in the order CI runs them. The individual steps are targets of their own too.

# Sums the N of every `test result: ok. N passed` line that a wasm test binary printed (not the
# doc-tests' lines, which wasm-pack test also prints) and fails unless N > 0. wasm-bindgen-test's
# runner prints the same summary line as libtest, in node and in chrome.
define REQUIRE_TESTS_RAN
	@awk -v what='$(1)' ' \
	  /^ *Running / { doc = 0 } \
	  /^ *Doc-tests / { doc = 1 } \
	  !doc && /test result: ok\. [0-9]+ passed/ { for (i = 1; i <= NF; i++) if ($$i == "passed;") n += $$(i - 1) } \
	  END { if (n > 0) { printf "%s: %d tests passed\n", what, n } \
	        else { printf "error: %s ran no tests (see %s)\n", what, FILENAME > "/dev/stderr"; exit 1 } }' $(2)
endef

fmt-check:
	cargo fmt --all -- --check

clippy:
	cargo clippy --all-targets --all-features -- -D warnings

clippy-wasm:
	cargo clippy --target wasm32-unknown-unknown --lib --tests -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --no-default-features -- -D warnings

test-native:
	cargo test --all-features

test-wasm-node:
	@mkdir -p $(LOG_DIR)
	wasm-pack test --node --mode no-install 2>&1 | tee $(LOG_DIR)/wasm-test-node.log
	$(call REQUIRE_TESTS_RAN,wasm tests in node,$(LOG_DIR)/wasm-test-node.log)

# WASM_BINDGEN_USE_BROWSER=1 only for this command: without it the chrome run exits 0 having
# run nothing; set globally, the node run would skip instead.
test-wasm-chrome:
	@mkdir -p $(LOG_DIR)
	WASM_BINDGEN_USE_BROWSER=1 wasm-pack test --headless --chrome --chromedriver /usr/bin/chromedriver --mode no-install \
	  2>&1 | tee $(LOG_DIR)/wasm-test-chrome.log
	@grep -q 'Running headless tests in Chrome' $(LOG_DIR)/wasm-test-chrome.log || \
	  { echo "error: no wasm test ran in headless Chrome (see $(LOG_DIR)/wasm-test-chrome.log)" >&2; exit 1; }
	$(call REQUIRE_TESTS_RAN,wasm tests in headless chrome,$(LOG_DIR)/wasm-test-chrome.log)

test-browser:
	node --test --test-concurrency=1 tests/browser/

# The page's JavaScript against the TypeScript declarations generated from the Rust DTOs
# (pkg/greenpath.d.ts, so after the wasm build); see tsconfig.json.
typecheck:
	tsc -p tsconfig.json

test: setup
	@echo '==> cargo fmt --check'
	$(MAKE) --no-print-directory fmt-check
	@echo '==> clippy (native, all targets, all features)'
	$(MAKE) --no-print-directory clippy
	@echo '==> clippy (wasm32)'
	$(MAKE) --no-print-directory clippy-wasm
	@echo '==> cargo test (native)'
	$(MAKE) --no-print-directory test-native
	@echo '==> wasm-bindgen tests in node'
	$(MAKE) --no-print-directory test-wasm-node
	@echo '==> wasm-bindgen tests in headless chrome'
	$(MAKE) --no-print-directory test-wasm-chrome
	@echo '==> site'
	$(BUILD_PKG)
	$(BUILD_SITE)
	@echo '==> type check of the page (tsc --noEmit against pkg/greenpath.d.ts)'
	$(MAKE) --no-print-directory typecheck
	@echo '==> browser tests (node --test)'
	$(MAKE) --no-print-directory test-browser

# ---------------------------------------------------------------------------------------
# Benchmarks and tools

bench: site
	cargo bench --bench core
	node benches/browser.mjs
	node benches/portfolio.mjs
	node benches/council.mjs
	node benches/embed.mjs

# Each fuzz target for FUZZ_SECONDS, from its committed seeds (fuzz/corpus/<target>, read
# only) and what earlier runs found (target/fuzz-corpus/<target>). A crash stops the run and
# leaves its input in fuzz/artifacts/<target>/: make it a regression test named after what it
# pins. `examples/fuzz_seeds.rs` writes the seeds.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := data_parts dataset_json local_picture course_list own_figures search_query planner_options
fuzz:
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked --version 0.13.2
	@rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	cd fuzz && cargo +nightly fuzz build -O -s none
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p target/fuzz-corpus/$$t; \
	  echo "==> fuzz $$t for $(FUZZ_SECONDS) s"; \
	  (cd fuzz && cargo +nightly fuzz run -O -s none $$t ../target/fuzz-corpus/$$t corpus/$$t -- \
	    -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=4096 -max_len=65536 -print_final_stats=1 \
	    2>&1 | tee ../target/fuzz-$$t.log | grep -E '^(stat::|==|SUMMARY|Done)' ) || exit 1; \
	done

calibrate:
	cargo run --profile bench --example calibrate

RECORD ?=
quality:
	cargo run --profile bench --example quality -- $(if $(RECORD),--record '$(RECORD)')

clean:
	rm -rf dist pkg pkg-area
	cargo clean
