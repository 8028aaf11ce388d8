# threadlings — learn Go concurrency by making failing specs pass.
#
#   make lesson-01     run lesson 01's specs against your code (race detector on)
#   make status        your progress, and the next lesson to do
#   make test          the kit's own tests: vet, checker tests, spec-helper tests, verify
#
# Run "make help" for every target.

GO      ?= go
CHECKER := bin/checker
export GORACE := atexit_sleep_ms=0

CHECKER_SOURCES := $(shell find checker internal -name '*.go' -not -path '*/testdata/*') go.mod go.sum

.PHONY: help build watch status list verify stress mutate bench test vet fmt-check unit gradescope actionlint

# make stress N=1000 for the long run; make test runs a short one.
N ?= 20
# make bench RUNS=…: timed runs of each measurement; SECTIONS=edit,first
# measures those alone and keeps the others from docs/performance.json.
RUNS ?= 5
SECTIONS ?= first,edit,verify,grade,sandbox,gradescope

help:
	@echo "Students:"
	@echo "  make lesson-NN    run lesson NN (01, 02, ...) against your code"
	@echo "  make watch        run the lesson you are on each time you save"
	@echo "  make hint-NN      the next hint for lesson NN"
	@echo "  make reset-NN     put lesson NN back as the kit shipped it (asks first)"
	@echo "  make solution-NN  how the reference solution differs from your files, once lesson NN passes"
	@echo "  make status       your progress and the next lesson"
	@echo "  make list         every lesson"
	@echo "Kit authors:"
	@echo "  make test         vet, checker unit and end-to-end tests, spec-helper tests, verify"
	@echo "  make verify       every stub fails, every solution passes, every bad variant is rejected"
	@echo "  make stress N=100 every solution N times per GOMAXPROCS (1, 2, 4), shuffled, under -race"
	@echo "  make mutate       small concurrency bugs in every solution: which do the specs miss? writes docs/QUALITY.md"
	@echo "  make bench        measure this machine and write docs/PERFORMANCE.md (an hour or more)"
	@echo "Instructors:"
	@echo "  bin/checker grade submissions/*   grade a class (see README)"
	@echo "  make gradescope   the Gradescope autograder bundle, dist/gradescope.zip"

build: $(CHECKER)

$(CHECKER): $(CHECKER_SOURCES)
	@echo "building $@ (once; later runs reuse it)"
	@$(GO) build -o $@ ./checker

# One rule for every lesson: make lesson-01, make lesson-13, ...
lesson-%: $(CHECKER)
	@$(CHECKER) run $*

watch: $(CHECKER)
	@$(CHECKER) watch

hint-%: $(CHECKER)
	@$(CHECKER) hint $*

reset-%: $(CHECKER)
	@$(CHECKER) reset $*

solution-%: $(CHECKER)
	@$(CHECKER) solution $*

status: $(CHECKER)
	@$(CHECKER) status

list: $(CHECKER)
	@$(CHECKER) list

verify: $(CHECKER)
	$(CHECKER) verify

# Every solution, N runs per GOMAXPROCS value, shuffled, under -race.
stress: $(CHECKER)
	$(CHECKER) stress -n $(N)

# Mutation testing of every lesson: the survivors, and docs/QUALITY.md.
mutate: $(CHECKER)
	$(CHECKER) mutate --quality docs/QUALITY.md

# Edit-to-verdict, verify and grading, measured on this machine; the figures
# go to docs/PERFORMANCE.md, and as JSON to docs/performance.json.
bench: $(CHECKER)
	$(GO) run ./checker/bench -runs $(RUNS) -sections $(SECTIONS)

# The Gradescope autograder bundle: the committed kit, with setup.sh and
# run_autograder at the top of the zip, as Gradescope wants them.
gradescope:
	@mkdir -p dist
	git archive --format=zip -o dist/gradescope.zip \
		--add-file=autograder/gradescope/setup.sh \
		--add-file=autograder/gradescope/run_autograder HEAD
	@echo "wrote dist/gradescope.zip: upload it as the assignment's autograder (Ubuntu image)"

vet:
	$(GO) vet ./...

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

# The checker's unit and end-to-end tests and the spec helpers' tests. The
# lessons' own suites are not in this list: on purpose, they fail on the
# stubs; verify runs them against the stubs and the solutions.
# -timeout: on a fresh machine the end-to-end scripts build every lesson
# with the race detector from an empty build cache, which on a busy
# two-core machine takes far longer than go test's default of 10 minutes.
unit:
	$(GO) test -timeout 60m ./internal/... ./checker/... ./lessons/internal/...

# The GitHub Classroom workflow, checked by actionlint; the tool's version is
# pinned in tools/go.mod, a module of its own so that the course's module
# never needs it.
actionlint:
	cd tools && $(GO) tool actionlint ../autograder/github-classroom/classroom.yml

test: fmt-check vet actionlint unit verify
	$(CHECKER) stress -n 2
