// Gives each service database its own login role, as the `*-db-url` secrets name them:
// the role (not a superuser) owns its database and everything in it, and no other role
// but the provisioning superuser may connect. Runs on every start, so it also moves
// databases and tables of older installations, which the superuser owned, to their role,
// and sets each role's password to the one in the secrets file.
import { readFileSync } from 'node:fs';
import pg from 'pg';

const secretsFile = process.env.POS_SECRETS_FILE;
if (!secretsFile) throw new Error('POS_SECRETS_FILE is not set');
const secrets: Record<string, string> = JSON.parse(readFileSync(secretsFile, 'utf8'));
// Every `*-db-url` that write-secrets.ts made names a database of ours and its role.
const databases = Object.keys(secrets).filter((key) => key.endsWith('-db-url')).map((key) => {
  const url = new URL(secrets[key] ?? '');
  return { name: url.pathname.slice(1), role: url.username, password: decodeURIComponent(url.password) };
});
type Database = (typeof databases)[number];

// Relations, routines and types in the database's own schemas that the role does not own.
const foreignOwnedObjects = `
  SELECT format('ALTER %s %s OWNER TO %I', kind, name, $1::text) AS statement FROM (
    SELECT 'SCHEMA' AS kind, quote_ident(nspname) AS name, nspowner AS owner_id, nspname AS namespace FROM pg_namespace
    UNION ALL
    SELECT CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE'
             WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, c.oid::regclass::text, c.relowner, n.nspname
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
       -- a sequence that belongs to a column follows its table
       AND (c.relkind <> 'S' OR NOT EXISTS (
         SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i')))
    UNION ALL
    SELECT 'ROUTINE', p.oid::regprocedure::text, p.proowner, n.nspname
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE p.prokind IN ('f', 'p')
    UNION ALL
    SELECT 'TYPE', t.oid::regtype::text, t.typowner, n.nspname
      FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE t.typtype IN ('e', 'd')
  ) owned
  WHERE owner_id <> $1::regrole AND owner_id <> 'pg_database_owner'::regrole
    AND namespace <> 'information_schema' AND namespace NOT LIKE 'pg\\_%'`;

const admin = new pg.Client({ connectionString: secrets['postgres-url'] });
await admin.connect();
try {
  for (const database of databases) {
    await ensureRole(database);
    await ensureDatabase(database);
    await moveObjectsToRole(database);
  }
} finally {
  await admin.end();
}

async function ensureRole({ role, password }: Database): Promise<void> {
  const found = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  const verb = found.rowCount === 0 ? 'CREATE' : 'ALTER';
  await admin.query(`${verb} ROLE ${admin.escapeIdentifier(role)} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE
    NOREPLICATION NOBYPASSRLS PASSWORD ${admin.escapeLiteral(password)}`);
  if (verb === 'CREATE') console.log(`created role ${role}`);
}

async function ensureDatabase({ name, role }: Database): Promise<void> {
  const [database, owner] = [admin.escapeIdentifier(name), admin.escapeIdentifier(role)];
  const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (found.rowCount === 0) {
    await admin.query(`CREATE DATABASE ${database} OWNER ${owner}`);
    console.log(`created database ${name}`);
  }
  await admin.query(`ALTER DATABASE ${database} OWNER TO ${owner}`);
  // Only the owner (and the provisioning superuser) may connect or make temporary tables.
  await admin.query(`REVOKE ALL ON DATABASE ${database} FROM PUBLIC`);
}

async function moveObjectsToRole({ name, role }: Database): Promise<void> {
  const url = new URL(secrets['postgres-url'] ?? '');
  url.pathname = `/${name}`;
  const inside = new pg.Client({ connectionString: url.toString() });
  await inside.connect();
  try {
    const { rows } = await inside.query<{ statement: string }>(foreignOwnedObjects, [role]);
    for (const { statement } of rows) await inside.query(statement);
    if (rows.length > 0) console.log(`${name}: ${rows.length} objects moved to ${role}`);
  } finally {
    await inside.end();
  }
}
