# Sourced by the end-to-end test scripts run as `SCRIPT DOSSIER SOURCE_DIR
# WORK_DIR`: sets cli, src, work and feed (the newsdesk example), starts in
# an empty WORK_DIR, and defines
#   fail MESSAGE          print FAIL: MESSAGE and exit 1
#   expect_rc N CMD...    run CMD (stderr to stderr.txt); fail unless it exits N
set -euo pipefail
cli=$1; src=$2; work=$3
feed=$src/examples/newsdesk/feed.jsonl
rm -rf "$work"; mkdir -p "$work"; cd "$work"
fail() { echo "FAIL: $*"; exit 1; }
expect_rc() {  # expected, command...
  local want=$1; shift
  set +e; "$@" 2> stderr.txt; local rc=$?; set -e
  [ "$rc" -eq "$want" ] || { cat stderr.txt; fail "$* exited $rc, expected $want"; }
}
