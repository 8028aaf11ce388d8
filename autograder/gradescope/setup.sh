#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder image.
# The bundle made by "make gradescope" is unpacked in /autograder/source.
set -euo pipefail

GO_VERSION=${GO_VERSION:-1.25.5}

apt-get update
apt-get install -y --no-install-recommends ca-certificates curl gcc libc6-dev make util-linux iproute2

if ! /usr/local/go/bin/go version 2>/dev/null | grep -q "go${GO_VERSION%.*}"; then
	curl -fsSL "https://go.dev/dl/go${GO_VERSION}.linux-amd64.tar.gz" -o /tmp/go.tgz
	rm -rf /usr/local/go
	tar -C /usr/local -xzf /tmp/go.tgz
fi
export PATH=/usr/local/go/bin:$PATH

cd /autograder/source
go mod download
make build
# Build and run the reference once, so that grading starts warm.
bin/checker run --solution 01 >/dev/null || true
