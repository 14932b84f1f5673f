#!/usr/bin/env bash
# Run a command with the services the tests need:
#
#     scripts/test-services.sh .venv/bin/pytest
#
# As root (CI, containers): install Debian's postgresql and chromium if they are missing,
# start a PostgreSQL cluster, create a role and a database for the tests and export
# BLEEDCHECK_TEST_POSTGRES_URL. As another user: run the command unchanged (set
# BLEEDCHECK_TEST_POSTGRES_URL yourself to include the PostgreSQL tests).
set -euo pipefail

DB_NAME=bleedcheck_test
DB_USER=bleedcheck_test
DB_PASSWORD=bleedcheck_test

say() { printf 'test-services: %s\n' "$*" >&2; }

install_missing() {
    local missing=()
    dpkg-query -W -f='${Status}' postgresql 2>/dev/null | grep -q "ok installed" || missing+=(postgresql)
    dpkg-query -W -f='${Status}' chromium 2>/dev/null | grep -q "ok installed" || missing+=(chromium)
    if [ "${#missing[@]}" -gt 0 ]; then
        say "installing ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
}

# Prints "<version> <cluster> <port>" of the first cluster, creating one if there is none.
first_cluster() {
    local line
    line=$(pg_lsclusters --no-header 2>/dev/null | head -n 1 || true)
    if [ -z "$line" ]; then
        local version
        version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
        say "creating PostgreSQL $version cluster 'main'"
        pg_createcluster "$version" main >/dev/null
        line=$(pg_lsclusters --no-header | head -n 1)
    fi
    awk '{print $1, $2, $3}' <<<"$line"
}

start_postgres() {
    local version cluster port
    read -r version cluster port < <(first_cluster)
    if ! pg_lsclusters --no-header | awk -v v="$version" -v c="$cluster" '$1==v && $2==c' | grep -q online; then
        say "starting PostgreSQL $version/$cluster on port $port"
        pg_ctlcluster "$version" "$cluster" start || service postgresql start
    fi
    for _ in $(seq 1 30); do
        pg_isready -q -h 127.0.0.1 -p "$port" && break
        sleep 1
    done
    pg_isready -q -h 127.0.0.1 -p "$port" || { say "PostgreSQL did not start"; return 1; }
    local psql=(runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 -p "$port" -d postgres)
    if [ "$("${psql[@]}" -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER'")" != 1 ]; then
        "${psql[@]}" -c "CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD'"
    fi
    if [ "$("${psql[@]}" -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" != 1 ]; then
        "${psql[@]}" -c "CREATE DATABASE $DB_NAME OWNER $DB_USER"
    fi
    export BLEEDCHECK_TEST_POSTGRES_URL="postgresql+psycopg://$DB_USER:$DB_PASSWORD@127.0.0.1:$port/$DB_NAME"
    say "PostgreSQL ready: BLEEDCHECK_TEST_POSTGRES_URL=${BLEEDCHECK_TEST_POSTGRES_URL/:$DB_PASSWORD@/:***@}"
}

if [ "$(id -u)" = 0 ] && [ -z "${BLEEDCHECK_TEST_POSTGRES_URL:-}" ]; then
    install_missing
    start_postgres
fi
exec "$@"
