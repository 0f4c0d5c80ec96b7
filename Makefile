# podeip — the README's two commands are `make sandbox` and `make test`.
SHELL := /bin/bash
NODE_TEST := node --experimental-vm-modules node_modules/jest/bin/jest.js
IMAGE ?= podeip:dev
VERSION := $(shell node -p "require('./package.json').version")
# The image `make release-manifest` pins, e.g. IMAGE_REGISTRY=registry.example.com/platform/
IMAGE_REGISTRY ?=
RELEASE_IMAGE ?= $(IMAGE_REGISTRY)podeip:$(VERSION)
ARGS ?=

.PHONY: install build bundle prometheus-tools release-manifest test unit lint typecheck sandbox bench chaos image clean

node_modules/.installed: package.json package-lock.json
	npm install --no-audit --no-fund --no-save
	@touch $@

install: node_modules/.installed

# dist/ is rebuilt only when a source or compiler setting changed, so `make sandbox` starts at once.
BUILD_INPUTS := $(shell find src hack -name '*.ts') tsconfig.json tsconfig.build.json package.json
dist/.built: node_modules/.installed $(BUILD_INPUTS)
	npx tsc -p tsconfig.build.json
	@touch $@

build: dist/.built

# dist/bundle/podeip.mjs: what the image ships (`podeip run` and the SDK code it loads, one ES module).
bundle: install
	npm run bundle

# promtool (alert rule tests) and the Prometheus server (dashboard queries, sandbox --prometheus):
# Debian's prometheus package, installed when missing.
prometheus-tools:
	@command -v promtool >/dev/null && command -v prometheus >/dev/null || { \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends prometheus; }

# dist/podeip.yaml: CRDs, RBAC, namespace and the Deployment running RELEASE_IMAGE (kubectl apply -f).
release-manifest:
	hack/release/release-manifest.sh $(RELEASE_IMAGE) dist/podeip.yaml

typecheck: install
	npx tsc -p tsconfig.json --noEmit

lint: typecheck

# Runs every suite, then prints one closing line "tests: N passed, N failed".
test: typecheck build bundle prometheus-tools
	@rm -f .jest-results.json
	$(NODE_TEST) --json --outputFile=.jest-results.json $(ARGS); status=$$?; \
	  node hack/scripts/summarize-jest.mjs .jest-results.json; exit $$status

unit: install
	$(NODE_TEST) test/unit $(ARGS)

# ARGS=--prometheus also starts Prometheus beside the sandbox, so that needs Debian's prometheus.
sandbox: build $(if $(findstring --prometheus,$(ARGS)),prometheus-tools)
	bin/podeip sandbox $(ARGS)

bench: build
	node dist/hack/bench/run.js $(ARGS)

# Both providers, 180 s of faults each, unless ARGS says otherwise (e.g. ARGS="--provider alibaba --seed 7"); see docs/chaos.md.
chaos: build
	node dist/hack/chaos/run.js $(ARGS)

image:
	docker build -t $(IMAGE) .

clean:
	rm -rf dist .sandbox .jest-results.json
