#!/usr/bin/env bash
# `cluster --state`: a stream clustered in batches, resuming from the state
# file each time, gives exactly the stories of one run over the whole stream
# (the closed stories each run writes, then the open ones of the last run,
# "open" mark removed), with the default window and with one so short that
# stories close (and are written) along the way; a damaged or foreign state
# file, or one saved with other settings, is refused with a message naming
# it, and nothing is written.
# Usage: cluster_state.sh DOSSIER SOURCE_DIR WORK_DIR
source "$(dirname "${BASH_SOURCE[0]}")/script_setup.sh"

n=$(wc -l < "$feed")
[ "$n" -ge 6 ] || fail "the feed is too short for three batches"
# Runs the batches given as files with --state (and the window flags in
# $window), writing to resumed.jsonl the closed stories of every run and the
# open ones of the last, unmarked.
batches() {
  rm -f state.bin resumed.jsonl
  local last=${!#} part
  for part in "$@"; do
    "$cli" cluster -q $window "$part" --state state.bin -o run.jsonl
    grep -v '"open":true}$' run.jsonl >> resumed.jsonl || true
    if [ "$part" = "$last" ]; then
      grep '"open":true}$' run.jsonl | sed 's/,"open":true}$/}/' >> resumed.jsonl || true
    fi
  done
}
for window in "" "--window-articles 3"; do
  "$cli" cluster $window "$feed" -o whole.jsonl 2> whole.err
  if [ -n "$window" ]; then
    grep -q "([1-9][0-9]* closed on the way)" whole.err ||
      fail "$window: no story closed along the way: $(cat whole.err)"
  fi
  # Every way of cutting the feed into two batches, and one into three.
  for k in $(seq 1 $((n - 1))); do
    head -n "$k" "$feed" > a.jsonl
    tail -n +"$((k + 1))" "$feed" > b.jsonl
    batches a.jsonl b.jsonl
    cmp -s resumed.jsonl whole.jsonl ||
      fail "${window:-default window}, cut after line $k: resumed stories differ from one run"
  done
  head -n 3 "$feed" > a.jsonl; sed -n '4,9p' "$feed" > b.jsonl; tail -n +10 "$feed" > c.jsonl
  batches a.jsonl b.jsonl c.jsonl
  cmp -s resumed.jsonl whole.jsonl ||
    fail "${window:-default window}, three batches: resumed stories differ from one run"
done
window=""
batches a.jsonl b.jsonl c.jsonl  # the state the checks below damage

# Damaged, foreign and mismatched states: exit 3, named, nothing written.
head -c 200 state.bin > truncated.bin
expect_rc 3 "$cli" cluster -q c.jsonl --state truncated.bin -o out1.jsonl
grep -q "truncated.bin: damaged cluster state" stderr.txt || fail "truncated state not named"
[ ! -e out1.jsonl ] || fail "output written from a truncated state"
cp state.bin flipped.bin
size=$(stat -c %s flipped.bin)
printf '\xff' | dd of=flipped.bin bs=1 seek=$((size - 20)) conv=notrunc 2>/dev/null
expect_rc 3 "$cli" cluster -q c.jsonl --state flipped.bin -o out2.jsonl
grep -q "flipped.bin: damaged cluster state" stderr.txt || fail "changed byte not caught"
cp "$feed" foreign.bin
expect_rc 3 "$cli" cluster -q c.jsonl --state foreign.bin -o out3.jsonl
grep -q "foreign.bin: not a dossier cluster state" stderr.txt || fail "foreign file not refused"
cmp -s foreign.bin "$feed" || fail "a foreign file given as --state was changed"
expect_rc 3 "$cli" cluster -q c.jsonl --state state.bin --join-threshold 1 -o out4.jsonl
grep -q "state.bin: the state was saved with other clustering settings" stderr.txt ||
  fail "settings mismatch not caught"
[ ! -e out2.jsonl ] && [ ! -e out3.jsonl ] && [ ! -e out4.jsonl ] || fail "output written"
echo "ok: $((n - 1)) two-batch cuts and one three-batch run equal one run, with and without stories closing on the way; bad states refused"
