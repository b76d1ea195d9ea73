#!/usr/bin/env bash
# Start a single-node, single-replica OpenStack Swift (Debian bookworm
# packages swift swift-proxy swift-account swift-container swift-object)
# with the s3api + tempauth middlewares, everything on 127.0.0.1.
#   usage: test/services/swift-s3/start.sh DIR [PORT]
#   S3 endpoint http://127.0.0.1:PORT (path-style, region us-east-1),
#   access key test:tester  secret testing.  Backends use PORT+1..PORT+3.
#   Stop with test/services/swift-s3/stop.sh DIR. Used by `npm test` (test/helpers/swift-s3.ts)
#   and usable by hand to try the service against Swift (see README, "Running against other S3 servers").
set -euo pipefail
DIR=$(mkdir -p "${1:?usage: $0 DIR [PORT]}" && cd "$1" && pwd)
PORT=${2:-8080}
A_PORT=$((PORT + 1)) C_PORT=$((PORT + 2)) O_PORT=$((PORT + 3))
RUN_USER=$(id -un)
for p in "$PORT" "$A_PORT" "$C_PORT" "$O_PORT"; do  # Swift would retry bind() for 30 s
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "port $p already in use" >&2; exit 1; fi
done
ETC=$DIR/etc DEV=$DIR/srv LOG=$DIR/log RUN=$DIR/run
mkdir -p "$ETC" "$DEV/d1" "$LOG" "$RUN"
# Everything is addressed by IP, so eventlet's green DNS resolver (dnspython)
# is not needed; skipping it saves ~0.5 s CPU and ~10 MB RSS per process.
export EVENTLET_NO_GREENDNS=yes

# Swift 2.30 servers read /etc/swift/swift.conf (hash prefix/suffix and
# storage policies) from that fixed path; the 'swift' package ships one.
if [ ! -r /etc/swift/swift.conf ]; then
  echo "missing /etc/swift/swift.conf (install the 'swift' package)" >&2; exit 1
fi
# The object server keeps metadata in user xattrs: check the data filesystem.
/usr/bin/python3 -c 'import os,sys; p=sys.argv[1]+"/.xattr-test"; open(p,"w").close(); os.setxattr(p,"user.swift.test",b"1"); os.unlink(p)' "$DEV/d1" \
  || { echo "filesystem under $DEV has no user xattrs" >&2; exit 1; }

common() {  # $1 = port
  cat <<EOF
[DEFAULT]
bind_ip = 127.0.0.1
bind_port = $1
workers = 0
user = $RUN_USER
swift_dir = $ETC
devices = $DEV
mount_check = false
disable_fallocate = true
log_level = INFO
EOF
}
{ common "$A_PORT"; cat <<EOF
[pipeline:main]
pipeline = account-server
[app:account-server]
use = egg:swift#account
EOF
} > "$ETC/account-server.conf"
{ common "$C_PORT"; cat <<EOF
[pipeline:main]
pipeline = container-server
[app:container-server]
use = egg:swift#container
EOF
} > "$ETC/container-server.conf"
{ common "$O_PORT"; cat <<EOF
[pipeline:main]
pipeline = object-server
[app:object-server]
use = egg:swift#object
EOF
} > "$ETC/object-server.conf"
cat > "$ETC/proxy-server.conf" <<EOF
[DEFAULT]
bind_ip = 127.0.0.1
bind_port = $PORT
workers = 0
user = $RUN_USER
swift_dir = $ETC
log_level = INFO

[pipeline:main]
pipeline = catch_errors gatekeeper healthcheck proxy-logging cache listing_formats s3api tempauth copy slo dlo proxy-logging proxy-server

[app:proxy-server]
use = egg:swift#proxy
account_autocreate = true

[filter:s3api]
use = egg:swift#s3api
location = us-east-1
s3_acl = false

[filter:tempauth]
use = egg:swift#tempauth
# S3 access key = account:user, secret = key
user_test_tester = testing .admin

[filter:cache]
# tempauth insists on a memcache client object; no memcached need run
use = egg:swift#memcache
memcache_servers = 127.0.0.1:11211

[filter:catch_errors]
use = egg:swift#catch_errors
[filter:gatekeeper]
use = egg:swift#gatekeeper
[filter:healthcheck]
use = egg:swift#healthcheck
[filter:proxy-logging]
use = egg:swift#proxy_logging
[filter:listing_formats]
use = egg:swift#listing_formats
[filter:copy]
use = egg:swift#copy
[filter:slo]
use = egg:swift#slo
[filter:dlo]
use = egg:swift#dlo
EOF

# Rings: 1 replica, one device, small partition power (rebuilt on every
# start; with a single device every partition maps to it, so data stays put).
/usr/bin/python3 - "$ETC" "$A_PORT" "$C_PORT" "$O_PORT" <<'EOF'
import sys
from swift.common.ring import RingBuilder
etc, ports = sys.argv[1], dict(account=sys.argv[2], container=sys.argv[3], object=sys.argv[4])
for name, port in ports.items():
    b = RingBuilder(6, 1, 1)            # part_power, replicas, min_part_hours
    b.add_dev({'region': 1, 'zone': 1, 'ip': '127.0.0.1', 'port': int(port),
               'device': 'd1', 'weight': 1.0})
    b.rebalance()
    b.save('%s/%s.builder' % (etc, name))
    b.get_ring().save('%s/%s.ring.gz' % (etc, name))
EOF

for svc in account container object proxy; do
  "swift-$svc-server" "$ETC/$svc-server.conf" -v >>"$LOG/$svc.log" 2>&1 &
  echo $! > "$RUN/$svc.pid"
done

fail() { echo "$*" >&2; kill $(cat "$RUN"/*.pid) 2>/dev/null; rm -f "$RUN"/*.pid; exit 1; }
# Wait (max 60 s) until every backend answers and the proxy's healthcheck is OK.
deadline=$((SECONDS + 60))
while :; do
  ok=1
  for p in "$A_PORT" "$C_PORT" "$O_PORT"; do
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || ok=0
  done
  [ "$ok" = 1 ] && [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/healthcheck")" = 200 ] && break
  for svc in account container object proxy; do
    kill -0 "$(cat "$RUN/$svc.pid")" 2>/dev/null || fail "swift-$svc-server died; see $LOG/$svc.log: $(tail -5 "$LOG/$svc.log")"
  done
  [ "$SECONDS" -ge "$deadline" ] && fail "timeout waiting for swift; logs in $LOG"
  sleep 0.1
done
echo "swift s3api ready on http://127.0.0.1:$PORT (access key test:tester, secret testing)"
