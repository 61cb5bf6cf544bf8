# Strategy Studio. Every target first runs scripts/setup.sh, which installs
# whatever is missing (idempotently) and writes .setup/env.
SHELL := /bin/bash
ENV := source .setup/env &&

.PHONY: setup serve build single-file test bench clean

setup:
	@scripts/setup.sh

## Build and serve the app on http://127.0.0.1:8080/
serve: setup
	@echo "Strategy Studio: http://127.0.0.1:8080/"
	@$(ENV) trunk serve --release

## Release build into dist/ (relative paths: host it under any sub-path)
build: setup
	@$(ENV) trunk build --release

## One self-contained HTML file, dist-single/strategy-studio.html (works from file://)
single-file: setup
	@$(ENV) trunk build --release && node scripts/single-file.mjs

## All three test layers, then one summary line
test: setup
	@$(ENV) scripts/test.sh

## Sizes and timings
bench: build
	@$(ENV) scripts/bench.sh

clean:
	rm -rf dist dist-single target .setup test-results
