# The two commands of the README's Quick start, plus the build, the benchmark
# and the size report on their own.
# Each installs whatever is missing first (see .ci/setup).
HOST ?= 127.0.0.1
PORT ?= 8080

.PHONY: serve test build bench size

serve:
	HOST=$(HOST) PORT=$(PORT) .ci/serve

test:
	.ci/test

build:
	.ci/build

bench:
	.ci/bench

size:
	.ci/size
