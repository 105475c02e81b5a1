#!/usr/bin/env bash
# keystone-local.sh: a throwaway, real Keystone (Debian's python3-keystone, served by uwsgi, PostgreSQL backend,
# fernet tokens) on 127.0.0.1, for tests that must see real tokens. Each start gets a fresh database, fresh keys
# and fresh passwords, and writes DIR/keystone.env with everything a test needs (URLs, names, ids, passwords).
#
# Sourced (by bin/polenta):   keystone_start DIR [PORT]    keystone_stop DIR
# Run directly:               bin/lib/keystone-local.sh start|stop [DIR] [PORT]   (DIR defaults to var/keystone)
#
# What it creates: projects A and B (polenta-a, polenta-b), users alice (member of A) and bob (member of B),
# the bootstrap admin (admin on project admin), and the service user polenta (role service on project service),
# the way a Gnocchi service user is set up. Needs root on a fresh Debian 12 (apt-get, runuser postgres).
#
# sqlite is not an option: it fails with "database is locked" under uwsgi's concurrent workers (measured).

KEYSTONE_LOCAL_PACKAGES=(python3-keystone uwsgi-core uwsgi-plugin-python3 python3-psycopg2 postgresql jq bc curl)

_ks_log() { printf 'keystone-local: %s\n' "$*" >&2; }
_ks_fail() { _ks_log "$*"; return 1; }

_ks_apt_install() { # log-prefix packages...
  local logp=$1 missing=() p; shift
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" = 0 ] || _ks_fail "missing Debian packages: ${missing[*]} (run as root, or apt-get install them)" || return 1
  _ks_log "installing ${missing[*]}"
  # Try without an update first: on a machine whose lists are fresh enough that saves half a minute.
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >"$logp.apt.log" 2>&1; then
    apt-get update -q >>"$logp.apt.log" 2>&1
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >>"$logp.apt.log" 2>&1 \
      || _ks_fail "apt-get install failed, see $logp.apt.log" || return 1
  fi
}

_ks_postgres_up() {
  # PostgreSQL usually runs already; on a fresh install (or a container without systemd) start the cluster.
  local i
  for i in $(seq 1 3); do
    runuser -u postgres -- psql -qAtc 'select 1' >/dev/null 2>&1 && return 0
    if command -v pg_ctlcluster >/dev/null 2>&1; then
      local v; v=$(ls /etc/postgresql 2>/dev/null | sort -n | tail -1)
      [ -n "$v" ] && pg_ctlcluster "$v" main start >/dev/null 2>&1 || true
    fi
    sleep 1
  done
  runuser -u postgres -- psql -qAtc 'select 1' >/dev/null 2>&1 || _ks_fail "PostgreSQL is not reachable as the postgres user"
}

_ks_secret() { head -c 18 /dev/urandom | base64 | tr -d '/+=' ; }

_ks_http_code() { curl -s -o /dev/null -w '%{http_code}' "$1" 2>/dev/null || true; }

_ks_uwsgi_running() {
  [ -f "$1/uwsgi.pid" ] && kill -0 "$(cat "$1/uwsgi.pid")" 2>/dev/null
}

# keystone_start DIR [PORT]: a fresh Keystone on 127.0.0.1:PORT (default 5010); DIR/keystone.env describes it.
keystone_start() {
  local dir=${1:?keystone_start DIR [PORT]} port=${2:-5010}
  mkdir -p "$dir" && dir=$(cd "$dir" && pwd) || return 1   # keystone.conf needs absolute paths
  local t0 t1 t2 t3; t0=$(date +%s.%N)
  _ks_apt_install "$dir/keystone" "${KEYSTONE_LOCAL_PACKAGES[@]}" || return 1
  keystone_stop "$dir" || return 1
  if [ "$(_ks_http_code "http://127.0.0.1:$port/")" != 000 ]; then
    _ks_fail "something else already listens on 127.0.0.1:$port" || return 1
  fi
  _ks_postgres_up || return 1
  rm -rf "$dir/fernet-keys" "$dir/fernet-receipts" "$dir/credential-keys" "$dir/keystone.env" "$dir"/manage-*.log "$dir/uwsgi.log" "$dir/pg.log"

  # One database per port, so two Keystones (say a developer's and a test run's) never share tables.
  local db="polenta_keystone_$port" dbpass; dbpass=$(_ks_secret)
  runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $db" -c "DROP ROLE IF EXISTS $db" \
    -c "CREATE ROLE $db LOGIN PASSWORD '$dbpass'" -c "CREATE DATABASE $db OWNER $db" >"$dir/pg.log" 2>&1 \
    || _ks_fail "could not create database $db, see $dir/pg.log" || return 1

  cat >"$dir/keystone.conf" <<CONF
[DEFAULT]
use_stderr = true
[database]
connection = postgresql+psycopg2://$db:$dbpass@127.0.0.1:5432/$db
[cache]
# Without it, validation is 7 to 12 times slower (measured).
enabled = true
backend = dogpile.cache.memory
[token]
provider = fernet
expiration = ${KEYSTONE_TOKEN_EXPIRATION:-3600}
[fernet_tokens]
key_repository = $dir/fernet-keys
[fernet_receipts]
key_repository = $dir/fernet-receipts
[credential]
key_repository = $dir/credential-keys
CONF
  chmod 600 "$dir/keystone.conf"

  local admin_pass svc_pass user_pass ks="http://127.0.0.1:$port/v3"
  admin_pass=$(_ks_secret); svc_pass=$(_ks_secret); user_pass=$(_ks_secret)
  local km=(keystone-manage --config-file "$dir/keystone.conf") owner=(--keystone-user "$(id -un)" --keystone-group "$(id -gn)")
  # Each keystone-manage run is a Python start-up of several seconds; the key set-ups do not touch the database,
  # so they run beside db_sync.
  "${km[@]}" fernet_setup "${owner[@]}" >"$dir/manage-fernet.log" 2>&1 &
  local fernet_pid=$!
  "${km[@]}" credential_setup "${owner[@]}" >"$dir/manage-credential.log" 2>&1 &
  local credential_pid=$!
  "${km[@]}" db_sync >"$dir/manage-db.log" 2>&1 || _ks_fail "keystone-manage db_sync failed, see $dir/manage-db.log" || return 1
  wait "$fernet_pid" || _ks_fail "keystone-manage fernet_setup failed, see $dir/manage-fernet.log" || return 1
  wait "$credential_pid" || _ks_fail "keystone-manage credential_setup failed, see $dir/manage-credential.log" || return 1
  "${km[@]}" bootstrap --bootstrap-password "$admin_pass" --bootstrap-username admin --bootstrap-project-name admin \
    --bootstrap-role-name admin --bootstrap-service-name keystone --bootstrap-region-id RegionOne \
    --bootstrap-admin-url "$ks/" --bootstrap-internal-url "$ks/" --bootstrap-public-url "$ks/" \
    >"$dir/manage-bootstrap.log" 2>&1 || _ks_fail "keystone-manage bootstrap failed, see $dir/manage-bootstrap.log" || return 1
  t1=$(date +%s.%N)

  # uwsgi's http-socket closes every connection after one response without saying so; clients that pool
  # connections (java.net.http) then send the next request into a closed socket. "Connection: close" tells them.
  uwsgi --plugin python3 --http-socket "127.0.0.1:$port" --wsgi-file "$(command -v keystone-wsgi-public)" \
    --master --lazy-apps --processes "${KEYSTONE_PROCESSES:-2}" --threads 1 --die-on-term \
    --add-header 'Connection: close' \
    --env "OS_KEYSTONE_CONFIG_FILES=$dir/keystone.conf" \
    --pidfile "$dir/uwsgi.pid" --daemonize "$dir/uwsgi.log" || _ks_fail "uwsgi did not start" || return 1
  local i ready=
  for i in $(seq 1 600); do
    [ "$(_ks_http_code "$ks/")" = 200 ] && { ready=1; break; }
    sleep 0.1
  done
  [ -n "$ready" ] || { tail -20 "$dir/uwsgi.log" >&2; _ks_fail "Keystone did not answer on $ks within 60 s, see $dir/uwsgi.log"; return 1; }
  t2=$(date +%s.%N)

  local admin_token
  admin_token=$(_ks_token "$ks" admin "$admin_pass" admin) && [ -n "$admin_token" ] \
    || _ks_fail "the bootstrap admin could not get a token" || return 1
  local project_service project_a project_b role_service role_member role_reader role_admin u_svc u_alice u_bob
  project_service=$(_ks_create "$ks" "$admin_token" projects "{\"project\":{\"name\":\"service\",\"domain_id\":\"default\"}}" .project.id) &&
  project_a=$(_ks_create "$ks" "$admin_token" projects "{\"project\":{\"name\":\"polenta-a\",\"domain_id\":\"default\"}}" .project.id) &&
  project_b=$(_ks_create "$ks" "$admin_token" projects "{\"project\":{\"name\":\"polenta-b\",\"domain_id\":\"default\"}}" .project.id) &&
  role_service=$(_ks_create "$ks" "$admin_token" roles '{"role":{"name":"service"}}' .role.id) &&
  role_member=$(_ks_api "$ks" "$admin_token" "$ks/roles?name=member" | jq -er '.roles[0].id') &&
  role_reader=$(_ks_api "$ks" "$admin_token" "$ks/roles?name=reader" | jq -er '.roles[0].id') &&
  role_admin=$(_ks_api "$ks" "$admin_token" "$ks/roles?name=admin" | jq -er '.roles[0].id') &&
  u_svc=$(_ks_create "$ks" "$admin_token" users "{\"user\":{\"name\":\"polenta\",\"password\":\"$svc_pass\",\"domain_id\":\"default\",\"default_project_id\":\"$project_service\"}}" .user.id) &&
  u_alice=$(_ks_create "$ks" "$admin_token" users "{\"user\":{\"name\":\"alice\",\"password\":\"$user_pass\",\"domain_id\":\"default\",\"default_project_id\":\"$project_a\"}}" .user.id) &&
  u_bob=$(_ks_create "$ks" "$admin_token" users "{\"user\":{\"name\":\"bob\",\"password\":\"$user_pass\",\"domain_id\":\"default\",\"default_project_id\":\"$project_b\"}}" .user.id) &&
  _ks_api "$ks" "$admin_token" -X PUT "$ks/projects/$project_service/users/$u_svc/roles/$role_service" &&
  _ks_api "$ks" "$admin_token" -X PUT "$ks/projects/$project_a/users/$u_alice/roles/$role_member" &&
  _ks_api "$ks" "$admin_token" -X PUT "$ks/projects/$project_b/users/$u_bob/roles/$role_member" \
    || _ks_fail "creating the test projects, users and roles failed" || return 1
  t3=$(date +%s.%N)

  cat >"$dir/keystone.env.tmp" <<ENV
KEYSTONE_URL=http://127.0.0.1:$port/v3
KEYSTONE_PORT=$port
KEYSTONE_DIR=$dir
OS_AUTH_URL=http://127.0.0.1:$port/v3
OS_IDENTITY_API_VERSION=3
OS_USER_DOMAIN_ID=default
OS_PROJECT_DOMAIN_ID=default
KEYSTONE_REGION=RegionOne
KEYSTONE_DOMAIN_ID=default
KEYSTONE_ADMIN_USER=admin
KEYSTONE_ADMIN_PASSWORD=$admin_pass
KEYSTONE_ADMIN_PROJECT=admin
KEYSTONE_SERVICE_USER=polenta
KEYSTONE_SERVICE_USER_ID=$u_svc
KEYSTONE_SERVICE_PASSWORD=$svc_pass
KEYSTONE_SERVICE_PROJECT=service
KEYSTONE_SERVICE_PROJECT_ID=$project_service
KEYSTONE_SERVICE_ROLE=service
KEYSTONE_SERVICE_ROLE_ID=$role_service
KEYSTONE_USER_A=alice
KEYSTONE_USER_A_ID=$u_alice
KEYSTONE_USER_A_PASSWORD=$user_pass
KEYSTONE_PROJECT_A=polenta-a
KEYSTONE_PROJECT_A_ID=$project_a
KEYSTONE_USER_B=bob
KEYSTONE_USER_B_ID=$u_bob
KEYSTONE_USER_B_PASSWORD=$user_pass
KEYSTONE_PROJECT_B=polenta-b
KEYSTONE_PROJECT_B_ID=$project_b
KEYSTONE_MEMBER_ROLE_ID=$role_member
KEYSTONE_READER_ROLE_ID=$role_reader
KEYSTONE_ADMIN_ROLE_ID=$role_admin
KEYSTONE_TOKEN_EXPIRATION=${KEYSTONE_TOKEN_EXPIRATION:-3600}
KEYSTONE_UWSGI_PIDFILE=$dir/uwsgi.pid
ENV
  # Written last and atomically: a present keystone.env means a Keystone that was fully set up.
  mv "$dir/keystone.env.tmp" "$dir/keystone.env"
  _ks_log "$(printf 'Keystone on %s ready in %.1fs (keystone-manage %.1fs, uwsgi %.1fs, resources %.1fs); %s' \
    "$ks" "$(echo "$t3-$t0" | bc)" "$(echo "$t1-$t0" | bc)" "$(echo "$t2-$t1" | bc)" "$(echo "$t3-$t2" | bc)" "$dir/keystone.env")"
}

_ks_token() { # url user password project -> a project-scoped token
  curl -sf -D - -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"$2\",\"domain\":{\"id\":\"default\"},\"password\":\"$3\"}}},\"scope\":{\"project\":{\"name\":\"$4\",\"domain\":{\"id\":\"default\"}}}}}" \
    "$1/auth/tokens" | awk 'tolower($1)=="x-subject-token:"{print $2}' | tr -d '\r'
}

_ks_api() { # url token curl-args...
  local token=$2; shift 2
  curl -sf -H "X-Auth-Token: $token" -H 'Content-Type: application/json' "$@"
}

_ks_create() { # url token collection json jq-path -> id
  _ks_api "$1" "$2" -d "$4" "$1/$3" | jq -er "$5"
}

# keystone_stop DIR: stops the Keystone started with DIR (its uwsgi master; --die-on-term takes the workers along).
keystone_stop() {
  local dir=${1:?keystone_stop DIR} pid i
  [ -d "$dir" ] || return 0
  rm -f "$dir/keystone.env"
  if _ks_uwsgi_running "$dir"; then
    pid=$(cat "$dir/uwsgi.pid")
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$dir/uwsgi.pid"
  # The database goes too: nothing of a stopped Keystone is meant to be reused (the next start makes its own).
  local db
  db=$(sed -n 's|^connection = postgresql+psycopg2://\([a-z0-9_]*\):.*|\1|p' "$dir/keystone.conf" 2>/dev/null || true)
  if [ -n "$db" ] && [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- psql -q -c "DROP DATABASE IF EXISTS $db" -c "DROP ROLE IF EXISTS $db" >/dev/null 2>&1 || true
  fi
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  _ks_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  case "${1:-}" in
    start) keystone_start "${2:-$_ks_root/var/keystone}" "${3:-5010}";;
    stop) keystone_stop "${2:-$_ks_root/var/keystone}";;
    *) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 2;;
  esac
fi
