# The two front-door commands (see README). Both install missing tools themselves.
.PHONY: serve test bench fuzz
serve: ## build and serve the app at http://127.0.0.1:8080
	scripts/serve.sh
test: ## every check and test suite
	scripts/test.sh
bench: ## benchmark figures: core compile time, bundle bytes, load and keystroke latency
	scripts/bench.sh
fuzz: ## every fuzz target for FUZZ_SECONDS each (default 600), with cargo-fuzz on nightly
	scripts/fuzz.sh
