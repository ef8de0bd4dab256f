#!/usr/bin/env bash
# make test-shifted: the suite with the wall clock moved ahead (libfaketime, preloaded into every process the
# tests start), so that a test or a fake that reads the wall clock where it should take --now fails.
#
# libfaketime keeps state that is not safe under threads (docs/measuring.md): now and then the test process dies
# of a signal, or hangs, in a fake server's thread. Neither is a test failing, so the run is made once more, and
# says why; a failing test is never retried. A hang is caught per test: a test still running after
# $JUNO_TEST_WATCHDOG_SECONDS (300) has every thread's stack written to the log and the run ended; the whole run
# is also bounded by `timeout` (55 minutes: a whole pass has taken 36 under load on the 2-core machine, and a pass
# cut short by this bound is run again, which CI's 90 minutes cannot hold), in case the process cannot even do that.
set -uo pipefail
PY=${PY:-.venv/bin/python}
SHIFT=${SHIFT:-+400d}
lib=$("$PY" -c 'import libfaketime, pathlib; print(pathlib.Path(libfaketime.__file__).parent / "vendor/libfaketime/src/libfaketime.so.1")')
watchdog=$(mktemp /tmp/juno-watchdog.XXXXXX)
trap 'rm -f "$watchdog"' EXIT

# Each pass runs in a session of its own, and whatever it leaves when it ends (a hung worker, a test server of a
# process the watchdog ended) is killed with it: a pass never outlives its run, nor the CI job.
leader=""
trap '[ -n "$leader" ] && pkill -KILL -s "$leader"; exit 130' INT TERM
run() {
    : > "$watchdog"
    LD_PRELOAD="$lib" FAKETIME="$SHIFT" FAKETIME_DONT_FAKE_MONOTONIC=1 JUNO_TEST_WATCHDOG="$watchdog" \
        setsid timeout --signal=KILL "${JUNO_SHIFTED_LIMIT:-3300}" \
        "$PY" -m pytest -q -p no:cacheprovider -o faulthandler_timeout=0 "$@" &
    leader=$!
    wait "$leader"
    local code=$?
    pkill -KILL -s "$leader" 2>/dev/null
    leader=""
    return "$code"
}

# One pass: a marker expression and pytest's other arguments; run once more when the process died or hung.
pass_of() {
    run "$@"
    local code=$?
    local why=""
    if [ -s "$watchdog" ]; then
        why="a test hung past the watchdog; every thread's stack:"$'\n'"$(cat "$watchdog")"
    elif [ "$code" -ge 128 ]; then
        why="the test process died of signal $((code - 128))"
    fi
    if [ -n "$why" ]; then
        echo "test-shifted: $why"
        echo "test-shifted: under libfaketime (docs/measuring.md), not a failing test; running this pass once more"
        run "$@"
        code=$?
        [ -s "$watchdog" ] && { echo "test-shifted: a test hung again; every thread's stack:"; cat "$watchdog"; }
    fi
    return "$code"
}

# As make test: the tests that start no real process on every core, then those marked slow one at a time.
pass_of -m "not slow and not browser and not realclock" -n auto "$@"
fast=$?
pass_of -m "slow and not browser and not realclock" "$@"
slow=$?
[ "$fast" -eq 0 ] && exit "$slow"
exit "$fast"
