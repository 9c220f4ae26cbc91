#!/bin/bash
# Runs once, when the MySQL volume is empty (docker-entrypoint-initdb.d): one database per
# service and one user per service that may use only its own database (ARCHITECTURE: database
# per service). The services create their tables themselves (migrations at boot, under a lock).
set -euo pipefail

for var in MYSQL_FIRMS_PASSWORD MYSQL_CLIENTS_PASSWORD MYSQL_INVITATIONS_PASSWORD MYSQL_PAYROLL_SYNC_PASSWORD; do
  value="${!var:-}"
  if [[ -z "$value" || "$value" == *"'"* || "$value" == *"\\"* ]]; then
    echo "$var must be set, without quotes or backslashes" >&2
    exit 1
  fi
done

mysql --protocol=socket -uroot -p"${MYSQL_ROOT_PASSWORD}" <<SQL
CREATE DATABASE IF NOT EXISTS advisor_firms CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS advisor_clients CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS advisor_invitations CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS advisor_payroll_sync CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'firms'@'%' IDENTIFIED BY '${MYSQL_FIRMS_PASSWORD}';
CREATE USER IF NOT EXISTS 'clients'@'%' IDENTIFIED BY '${MYSQL_CLIENTS_PASSWORD}';
CREATE USER IF NOT EXISTS 'invitations'@'%' IDENTIFIED BY '${MYSQL_INVITATIONS_PASSWORD}';
CREATE USER IF NOT EXISTS 'payroll_sync'@'%' IDENTIFIED BY '${MYSQL_PAYROLL_SYNC_PASSWORD}';
GRANT ALL PRIVILEGES ON advisor_firms.* TO 'firms'@'%';
GRANT ALL PRIVILEGES ON advisor_clients.* TO 'clients'@'%';
GRANT ALL PRIVILEGES ON advisor_invitations.* TO 'invitations'@'%';
GRANT ALL PRIVILEGES ON advisor_payroll_sync.* TO 'payroll_sync'@'%';
SQL
