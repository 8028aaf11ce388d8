#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder image.
# The bundle made by "make gradescope" is unpacked in $AUTOGRADER/source
# (AUTOGRADER is /autograder on Gradescope; the kit's end-to-end test sets
# it to a folder of its own).
#
# It installs what grading needs, builds the checker, then grades the
# reference solutions once as if they were a submission: every lesson's
# test binary is built (go's build cache keeps the compiled packages) and
# every reference run is kept in the grade cache that run_autograder uses,
# so that grading a student starts warm.
#
# LESSONS (e.g. 01,02,03), if set, warms only those lessons.
# THREADLINGS_SKIP_SYSTEM=1 skips installing system packages and Go.
set -euo pipefail

AUTOGRADER=${AUTOGRADER:-/autograder}
SOURCE=$AUTOGRADER/source
CACHE=$AUTOGRADER/threadlings-cache
export PATH=/usr/local/go/bin:$PATH

# The go version go.mod asks for, e.g. 1.25.0.
want=$(awk '$1 == "go" { print $2; exit }' "$SOURCE/go.mod")

if [ -z "${THREADLINGS_SKIP_SYSTEM:-}" ]; then
	apt-get update
	apt-get install -y --no-install-recommends ca-certificates curl gcc libc6-dev make util-linux bubblewrap
	have=$(go env GOVERSION 2>/dev/null | sed 's/^go//' || true)
	if [ -z "$have" ] || [ "$(printf '%s\n%s\n' "$want" "$have" | sort -V | head -n1)" != "$want" ]; then
		version=${GO_VERSION:-$want}
		curl -fsSL "https://go.dev/dl/go${version}.linux-amd64.tar.gz" -o /tmp/go.tgz
		rm -rf /usr/local/go
		tar -C /usr/local -xzf /tmp/go.tgz
	fi
fi

cd "$SOURCE"
go mod download
make build

# The reference solutions, laid out as a student's copy of the kit.
reference=$(mktemp -d)
trap 'rm -rf "$reference"' EXIT
cp -R go.mod go.sum lessons "$reference/"
for dir in solutions/[0-9][0-9]-*/; do
	name=$(basename "$dir")
	cp "$dir"*.go "$reference/lessons/$name/"
done
bin/checker grade --cache "$CACHE" --out "$reference/grades" --format json ${LESSONS:+--lessons "$LESSONS"} "$reference" >/dev/null
echo "setup: the checker is built and every graded lesson is warm (cache: $CACHE)"
