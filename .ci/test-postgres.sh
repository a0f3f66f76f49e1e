# Sourced by .ci/run, as root: starts Debian's PostgreSQL on 127.0.0.1, creates the test role and database if they
# are missing, and exports PARLEY_TEST_POSTGRES_URL, _USER and _PASSWORD for the persistence tests on PostgreSQL.
# Idempotent: a cluster that already runs is used as it is, an existing role and database are kept.
# A developer can do the same: `sudo bash -c 'source .ci/test-postgres.sh'`, then export the three variables it prints.

parley_pg_name=parley_test
parley_pg_password=parley_test

read -r parley_pg_version parley_pg_cluster _ < <(pg_lsclusters --no-header | head -n 1) || true
if [ -z "${parley_pg_version:-}" ]; then
  parley_pg_version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  parley_pg_cluster=main
  pg_createcluster "$parley_pg_version" "$parley_pg_cluster"
fi
# Only the loopback address: the test database has a well-known password. Debian's postgresql.conf reads conf.d/.
printf "listen_addresses = '127.0.0.1'\n" \
  >"/etc/postgresql/$parley_pg_version/$parley_pg_cluster/conf.d/parley-test.conf"
# PostgreSQL refuses to run as root; pg_ctlcluster starts it as the cluster's owner (postgres).
if ! pg_ctlcluster "$parley_pg_version" "$parley_pg_cluster" status >/dev/null 2>&1; then
  pg_ctlcluster "$parley_pg_version" "$parley_pg_cluster" start
fi
parley_pg_port=$(pg_conftool -s "$parley_pg_version" "$parley_pg_cluster" show port)

parley_psql() {
  (cd / && runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$parley_pg_port" "$@")
}
parley_psql <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$parley_pg_name') THEN
    CREATE ROLE $parley_pg_name LOGIN;
  END IF;
END \$\$;
ALTER ROLE $parley_pg_name LOGIN PASSWORD '$parley_pg_password';
SQL
if [ "$(parley_psql -tA -c "SELECT 1 FROM pg_database WHERE datname = '$parley_pg_name'")" != 1 ]; then
  # UTF-8 whatever locale the cluster was created under (a machine without LANG gets SQL_ASCII otherwise).
  parley_psql -c "CREATE DATABASE $parley_pg_name OWNER $parley_pg_name ENCODING 'UTF8' TEMPLATE template0 \
    LC_COLLATE 'C' LC_CTYPE 'C'"
fi

export PARLEY_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$parley_pg_port/$parley_pg_name"
export PARLEY_TEST_POSTGRES_USER=$parley_pg_name
export PARLEY_TEST_POSTGRES_PASSWORD=$parley_pg_password
echo "PostgreSQL $parley_pg_version/$parley_pg_cluster for the tests:" \
  "PARLEY_TEST_POSTGRES_URL=$PARLEY_TEST_POSTGRES_URL" \
  "PARLEY_TEST_POSTGRES_USER=$PARLEY_TEST_POSTGRES_USER PARLEY_TEST_POSTGRES_PASSWORD=$PARLEY_TEST_POSTGRES_PASSWORD"
