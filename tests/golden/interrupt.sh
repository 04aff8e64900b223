#!/usr/bin/env bash
# Interrupted runs leave the old output or the new one, never a part, and
# `digest` resumes:
#  1. digest -o DIR stopped by SIGINT after one briefing (the hidden
#     --debug-interrupt-after raises it): exit 130, the old DIR untouched, the
#     work kept in DIR.partial; the same command resumes it and writes exactly
#     what an uninterrupted run writes; DIR.partial is gone.
#  2. the same for -o FILE.md.
#  3. a second digest on a locked checkpoint stops (exit 4), and a folder
#     named DIR.partial that is not a checkpoint is never touched.
#  4. real signals: brief and cluster reading a FIFO get SIGTERM / SIGINT
#     mid-input: exit 143 / 130, their old output file unchanged.
# Usage: interrupt.sh DOSSIER SOURCE_DIR WORK_DIR
source "$(dirname "${BASH_SOURCE[0]}")/script_setup.sh"

# 1. Folder output.
"$cli" digest -q "$feed" -o fresh
"$cli" digest -q --words 40 "$feed" -o out
cp -r out old
expect_rc 130 "$cli" digest "$feed" -o out --debug-interrupt-after 1
grep -q "interrupted by SIGINT; .* kept in out.partial" stderr.txt || fail "no interruption message"
diff -r old out > /dev/null || fail "the interrupted run changed the old folder"
[ -s out.partial/journal.jsonl ] || fail "no journal in out.partial"
expect_rc 0 "$cli" digest "$feed" -o out
grep -q "resuming: [1-9][0-9]* of [0-9]* stories taken from out.partial" stderr.txt ||
  { cat stderr.txt; fail "the second run did not resume"; }
diff -r fresh out > /dev/null || fail "the resumed digest differs from an uninterrupted one"
[ ! -e out.partial ] || fail "out.partial left behind"

# 2. Markdown file output.
"$cli" digest -q "$feed" -o fresh.md
echo "old digest" > out.md
expect_rc 130 "$cli" digest "$feed" -o out.md --debug-interrupt-after 1
[ "$(cat out.md)" = "old digest" ] || fail "the interrupted run changed out.md"
expect_rc 0 "$cli" digest "$feed" -o out.md
grep -q "resuming:" stderr.txt || fail "the Markdown digest did not resume"
cmp -s fresh.md out.md || fail "the resumed Markdown digest differs"
[ ! -e out.md.partial ] || fail "out.md.partial left behind"

# 3. A locked checkpoint, and a folder that is not one.
expect_rc 130 "$cli" digest "$feed" -o locked --debug-interrupt-after 1
exec 4>> locked.partial/lock  # this shell holds the lock
flock -n 4
expect_rc 4 "$cli" digest -q "$feed" -o locked
grep -q "another dossier digest is writing" stderr.txt || fail "no lock message"
exec 4>&-
expect_rc 0 "$cli" digest -q "$feed" -o locked
mkdir -p mine.partial; echo "precious" > mine.partial/notes.txt
expect_rc 4 "$cli" digest -q "$feed" -o mine
grep -q "mine.partial: exists but is not a dossier digest checkpoint" stderr.txt ||
  { cat stderr.txt; fail "no message about the foreign folder"; }
[ "$(cat mine.partial/notes.txt)" = "precious" ] || fail "a foreign folder was touched"

# 4. Real signals while reading a FIFO (the writer stays open until the
# signal was sent, so the command is surely mid-input).
interrupt_fifo() {  # signal, expected exit, output file, command...
  local sig=$1 want=$2 outfile=$3; shift 3
  rm -f fifo; mkfifo fifo
  echo "previous content" > "$outfile"
  "$@" < fifo 2> stderr.txt &
  local pid=$!
  exec 3> fifo
  head -n 5 "$feed" >&3
  sleep 0.5
  kill "-$sig" "$pid"
  sleep 0.2
  # The command may already have stopped reading (a signal cuts its read short):
  # then the rest cannot be written, which is no failure of the test.
  tail -n +6 "$feed" >&3 2> /dev/null || true
  exec 3>&-
  set +e; wait "$pid"; local rc=$?; set -e
  [ "$rc" -eq "$want" ] || { cat stderr.txt; fail "$* exited $rc after SIG$sig, expected $want"; }
  grep -q "interrupted by SIG$sig" stderr.txt || { cat stderr.txt; fail "no SIG$sig message"; }
  [ "$(cat "$outfile")" = "previous content" ] || fail "$outfile changed by the interrupted run"
}
interrupt_fifo TERM 143 brief.md "$cli" brief --input-format jsonl - -o brief.md
interrupt_fifo INT 130 stories.jsonl "$cli" cluster --input-format jsonl - -o stories.jsonl
echo "OK: interrupted digests resume; interrupted outputs are left as they were"
