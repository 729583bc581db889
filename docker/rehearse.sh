#!/usr/bin/env bash
# Rehearses the image without a Docker engine: builds the Dockerfile's two stages into temporary
# folders with the same commands and the same COPY lines, makes the runtime tree read-only, and
# runs the compose file's own commands (migrate, api, worker) from it as an unprivileged user with
# NODE_ENV=production, against this machine's PostgreSQL and Redis. It proves the runtime stage
# holds everything the processes need (code, production dependencies, views, static files,
# templates) and that they boot read-only. It does not prove the base image or compose's wiring.
#
#   bash docker/rehearse.sh        (as root, from anywhere; needs PostgreSQL and Redis on 127.0.0.1)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DOCKERFILE="$ROOT/docker/Dockerfile"
COMPOSE="$ROOT/docker/compose.yaml"
WORK="$(mktemp -d /tmp/breach-desk-rehearsal.XXXXXX)"
chmod 755 "$WORK" # the processes run as nobody
BUILD="$WORK/build"
APP="$WORK/app"
DB=breach_desk_rehearsal
PORT="${REHEARSAL_PORT:-3977}"
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  chmod -R u+w "$WORK" 2>/dev/null || true
  rm -rf "$WORK"
  psql -h 127.0.0.1 -U postgres -qAtc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
  redis-cli --scan --pattern 'bdrehearsal:*' 2>/dev/null | xargs -r redis-cli del >/dev/null 2>&1 || true
}
[ -n "${REHEARSAL_KEEP:-}" ] || trap cleanup EXIT

say() { printf '\n== %s\n' "$*"; }

# COPY lines of one stage, as "from<TAB>source<TAB>destination" (from: "context" or a stage name).
copies_of_stage() {
  awk -v stage="$1" '
    /^FROM / { current = ($NF == stage) }
    current && /^COPY / {
      from = "context"
      n = 0
      for (i = 2; i <= NF; i++) {
        if ($i ~ /^--from=/) { from = substr($i, 8); continue }
        args[++n] = $i
      }
      for (i = 1; i < n; i++) printf "%s\t%s\t%s\n", from, args[i], args[n]
    }' "$DOCKERFILE"
}

# The RUN lines of one stage.
runs_of_stage() {
  awk -v stage="$1" '/^FROM / { current = ($NF == stage) } current && /^RUN / { sub(/^RUN /, ""); print }' "$DOCKERFILE"
}

# The command of a compose service, as a JSON array.
command_of() {
  awk -v svc="  $1:" '
    $0 == svc { inside = 1; next }
    inside && /^  [a-z]/ { inside = 0 }
    inside && /^    command:/ { sub(/^    command: */, ""); print; exit }' "$COMPOSE"
}

stage() {
  local name="$1" into="$2"
  mkdir -p "$into"
  while IFS=$'\t' read -r from source destination; do
    local origin="$ROOT"
    # A path from another stage is absolute under its WORKDIR (/app).
    [ "$from" = build ] && origin="$BUILD" && source="${source#/app/}"
    [ "$from" = context ] || [ "$from" = build ] || { echo "unknown stage $from" >&2; exit 1; }
    mkdir -p "$into/$(dirname "$destination")"
    cp -a "$origin/$source" "$into/${destination%/}" 2>/dev/null || cp -a "$origin/$source" "$into/"
  done < <(copies_of_stage "$name")
}

run_stage() {
  local name="$1" dir="$2"
  # A cache of the stage's own: the runtime stage ends with `npm cache clean --force`.
  while read -r line; do (cd "$dir" && npm_config_cache="$WORK/npm-cache-$name" bash -c "$line" </dev/null); done < <(runs_of_stage "$name")
}

say "build stage (npm ci, npm run build) in $BUILD"
stage build "$BUILD"
run_stage build "$BUILD" >/dev/null

say "runtime stage (production dependencies only, then the COPY lines) in $APP"
# The runtime stage's RUN comes before its COPY --from lines: install first, as the Dockerfile does.
mkdir -p "$APP"
cp "$ROOT/package.json" "$ROOT/package-lock.json" "$APP/"
run_stage runtime "$APP" >/dev/null
stage runtime "$APP"
for dev in jest playwright-core eslint; do
  test -d "$APP/node_modules/$dev" && { echo "a dev dependency ($dev) in the runtime stage" >&2; exit 1; }
done
du -sh "$APP" | sed 's/^/   size: /'
# Read-only, as compose runs it (read_only: true); the processes run as nobody.
chmod -R a-w "$APP"

export NODE_ENV=production HOST=127.0.0.1 PORT
export PUBLIC_URL="http://127.0.0.1:$PORT"
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$DB"
export REDIS_URL=redis://127.0.0.1:6379 REDIS_PREFIX=bdrehearsal
export SMTP_URL=smtp://127.0.0.1:2525
export AUTH_ISSUER=https://login.example.invalid/tenant/v2.0 AUTH_AUDIENCE=breach-desk
export AUTH_JWKS_URL=https://login.example.invalid/tenant/discovery/v2.0/keys
export OIDC_ISSUER_URL=https://login.example.invalid/tenant/v2.0 OIDC_CLIENT_ID=rehearsal OIDC_CLIENT_SECRET=rehearsal
SESSION_SECRET="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export SESSION_SECRET LOG_LEVEL=warn

as_nobody() { (cd "$APP" && exec setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"); }
# In the background, exec'ing all the way down, so `$!` is node itself and the cleanup stops it.
start_as_nobody() {
  local log="$1"
  shift
  (cd "$APP" && exec setpriv --reuid=nobody --regid=nogroup --clear-groups "$@") >"$log" 2>&1 &
  PIDS+=($!)
}
argv() { node -e 'process.stdout.write(JSON.parse(process.argv[1]).join("\n"))' "$1"; }

psql -h 127.0.0.1 -U postgres -qAtc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null
psql -h 127.0.0.1 -U postgres -qAtc "CREATE DATABASE $DB" >/dev/null

say "migrate: $(command_of migrate)"
mapfile -t MIGRATE < <(argv "$(command_of migrate)")
as_nobody "${MIGRATE[@]}"

say "api: $(command_of api)"
mapfile -t API < <(argv "$(command_of api)")
start_as_nobody "$WORK/api.log" "${API[@]}"

say "worker: $(command_of worker)"
mapfile -t WORKER < <(argv "$(command_of worker)")
start_as_nobody "$WORK/worker.log" "${WORKER[@]}"

for _ in $(seq 1 60); do
  curl -fs "$PUBLIC_URL/health/ready" >/dev/null && break
  sleep 0.5
done

check() {
  local what="$1" url="$2" expect="$3"
  local status
  status="$(curl -s -o "$WORK/body" -w '%{http_code}' "$url")"
  if [ "$status" = "$expect" ]; then echo "   ok   $what: $status"; else
    echo "   FAIL $what: $status (expected $expect)"; tail -20 "$WORK/api.log"; exit 1
  fi
}

say "the running api, from the read-only tree"
check "readiness" "$PUBLIC_URL/health/ready" 200
check "sign-in page (views)" "$PUBLIC_URL/sign-in" 200
grep -q 'Sign in with your work account' "$WORK/body" || { echo "   FAIL the sign-in page lacks the OIDC link"; exit 1; }
grep -q 'Demo sign-in' "$WORK/body" && { echo "   FAIL the demo sign-in shows in production"; exit 1; }
check "static files" "$PUBLIC_URL/assets/app.css" 200
check "no development sign-in in production" "$PUBLIC_URL/api/v1/dev/people" 404
check "the API refuses the anonymous" "$PUBLIC_URL/api/v1/incidents" 401

sleep 2
for pid in "${PIDS[@]}"; do
  kill -0 "$pid" 2>/dev/null || { echo "   FAIL a process exited"; cat "$WORK"/*.log; exit 1; }
done
echo "   ok   api and worker still running ($(du -sh "$APP" | cut -f1) image tree, read-only, as nobody)"
say "rehearsal passed"
