#!/usr/bin/env bash
# Stop the servers started by test/services/swift-s3/start.sh DIR, by their recorded PIDs:
# SIGTERM to all, wait up to 10 s, then SIGKILL whatever is left.
set -u
RUN=${1:?usage: $0 DIR}/run
pids=()
for f in "$RUN"/*.pid; do
  [ -f "$f" ] || continue
  pids+=("$(cat "$f")"); rm -f "$f"
done
[ ${#pids[@]} -eq 0 ] && exit 0
kill "${pids[@]}" 2>/dev/null
for _ in $(seq 1 100); do
  alive=0
  for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
  [ "$alive" = 0 ] && exit 0
  sleep 0.1
done
kill -9 "${pids[@]}" 2>/dev/null
exit 0
