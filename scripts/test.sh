#!/usr/bin/env bash
# npm test: provisions what is missing, starts the stack, runs every test against it,
# stops the stack and checks that nothing of it is left running.
# POS_KEEP_RUNNING=1 leaves the stack up afterwards (handy while writing tests).
set -euo pipefail
export POS_ENV=test
. "$(dirname "$0")/lib/env.sh"
. "$(dirname "$0")/lib/step.sh"
. "$(dirname "$0")/lib/daemon.sh"
cd "$POS_ROOT"

# npm test restarts the apps on the test databases and stops everything at the end: never
# do that to a stack that npm start runs for someone (a stack left up by POS_KEEP_RUNNING=1 is fine).
if npm_start_running; then
  die "npm start (pid $(pid_of npm-start)) is running the stack of $POS_STATE_DIR; npm test would restart its apps and stop it.
  Stop it first (Ctrl-C in its terminal, or npm stop from another one), then run npm test again."
fi

# kafkajs 2.2 sets a negative timer on Node 24; the warning says nothing about our code.
mocha() { node --disable-warning=TimeoutNegativeWarning node_modules/mocha/bin/mocha.js "$@"; }

bash scripts/provision.sh
bash scripts/check.sh
echo "Starting the stack"
trap 'bash scripts/stop.sh' EXIT
bash scripts/infra.sh up
# Apps left running by npm start use the development databases: start them afresh.
bash scripts/apps.sh down probe && bash scripts/apps.sh down
# Every run starts from empty test databases and search index, as on a new machine.
echo "Clearing the test data of earlier runs"
node scripts/lib/reset-test-data.ts
node scripts/lib/create-databases.ts
bash scripts/apps.sh up
bash scripts/apps.sh up probe

# One closing line for both mocha runs, in the plain form CI reads: "tests: N passed, N failed".
RESULTS=$(mktemp)
count() { grep -Eo "^ +[0-9]+ $1" "$RESULTS" | awk '{ n += $1 } END { print n + 0 }'; }
summary() { echo "tests: $(count passing) passed, $(count failing) failed, $(count pending) skipped"; rm -f "$RESULTS"; }

echo "Running the tests"
mocha | tee -a "$RESULTS" || { summary; exit 1; }
if [ -n "${POS_KEEP_RUNNING:-}" ]; then trap - EXIT; summary; exit 0; fi
trap - EXIT
bash scripts/stop.sh
mocha --no-config --timeout 30000 'tests/after-stop/**/*.test.ts' | tee -a "$RESULTS" || { summary; exit 1; }
summary
