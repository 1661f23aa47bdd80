# Tributary — the two commands are `make demo` and `make test`; `make help` lists the rest.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# Node 24: use the one on PATH when it is new enough, else install it once under .tools/.
NODE_BIN := $(shell tools/ensure-node.sh)
ifneq ($(NODE_BIN),)
export PATH := $(NODE_BIN):$(PATH)
endif

STACK := infra/local/stack.sh

.PHONY: prometheus help install build check-config test test-unit test-deploy chaos demo up down status clean generate suggest-mappings

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

node_modules/.install-stamp: package.json package-lock.json
	@echo "tributary: installing npm packages (node $$(node --version))"
	@npm ci --no-audit --no-fund --loglevel=error
	@touch $@

install: node_modules/.install-stamp ## install npm packages (Node 24 is bootstrapped if needed)

build: install ## generate-check and compile every package (tsc -b, incremental)
	@node tools/generate-canonical-types.mjs --check
	@npx tsc -b tsconfig.json
	@chmod +x apps/tributary-cli/dist/main.js

generate: install ## regenerate TypeScript types from schemas/*.avsc
	@node tools/generate-canonical-types.mjs

check-config: build ## validate the mapping files under config/mappings (file, path inside it, what was expected)
	@node libs/mapping/core/dist/config/check-config.cli.js config/mappings

suggest-mappings: build ## draft a field mapping: make suggest-mappings ARGS="--sample order.json --targets DOCID,TOTAL"
	@node libs/mapping/core/dist/suggestions/suggest-mappings.cli.js $(ARGS)

test: check-config ## unit, integration and e2e suites against a real Kafka + registry (starts and stops the stack if needed)
	@tools/test.sh

test-unit: build ## only the suites that need no stack
	@tools/test.sh unit

test-deploy: ## only the Helm chart, Dockerfile and compose checks (helm-java lint/template, Kubernetes schemas)
	@tools/test.sh deploy

chaos: build ## full-size chaos run: 2,000 orders, the sink SIGKILLed 5 times, Intacct failing (long; a short form runs in make test)
	@tools/test.sh chaos

fuzz: build ## full-size fuzz run: 10,000 hostile webhooks (FUZZ_RUNS), hostile Intacct replies, canary secrets (a short form runs in make test)
	@tools/test.sh fuzz

bench: build ## benchmarks against the local stack, with Node-RED side by side (installed under bench/peers); results in bench/results/
	@bash bench/run.sh $(ARGS)

demo: build ## start the stack, simulators and services; send sample orders; show what reached Intacct
	@tools/demo.sh $(ARGS)

up: ## start the local Kafka broker and schema registry
	@$(STACK) start

down: ## stop the demo services and the local stack
	@tools/demo.sh --stop
	@$(STACK) stop

prometheus: ## install Debian's prometheus + promtool into .local/prometheus when not on PATH (the alert tests do it themselves)
	@tools/ensure-prometheus.sh

status: ## is the local stack running?
	@$(STACK) status

clean: ## remove build output (keeps node_modules and .local)
	@npx tsc -b tsconfig.json --clean
