#!/usr/bin/env node
/**
 * Records the SHA-256 of every migration file and frozen migration helper in
 * test/support/migrations.lock.json. It only ADDS files it has not seen: a landed migration's
 * hash is never rewritten, so `test/migrations-frozen.spec.ts` fails when one is edited.
 * Run it after writing a new migration: `npm run migrations:lock`.
 */
const { createHash } = require('node:crypto');
const { existsSync, readFileSync, readdirSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const ROOT = join(__dirname, '..');
const LOCK = join(ROOT, 'test/support/migrations.lock.json');

function migrationFiles() {
  const dirs = [];
  for (const group of ['services', 'packages']) {
    for (const name of readdirSync(join(ROOT, group))) {
      dirs.push(join(ROOT, group, name, 'src/db/migrations'), join(ROOT, group, name, 'src/migrations'));
    }
  }
  return dirs
    .filter((d) => existsSync(d))
    .flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts')).map((f) => join(d, f)))
    .map((f) => relative(ROOT, f))
    .sort();
}

const sha256 = (file) => createHash('sha256').update(readFileSync(join(ROOT, file))).digest('hex');

module.exports = { migrationFiles, sha256, LOCK };

if (require.main === module) {
  const lock = existsSync(LOCK) ? JSON.parse(readFileSync(LOCK, 'utf8')) : {};
  let added = 0;
  for (const file of migrationFiles()) {
    if (lock[file]) continue;
    lock[file] = sha256(file);
    added++;
    console.log(`locked ${file}`);
  }
  const sorted = Object.fromEntries(Object.keys(lock).sort().map((k) => [k, lock[k]]));
  writeFileSync(LOCK, `${JSON.stringify(sorted, null, 2)}\n`);
  console.log(added ? `${added} migration file(s) locked` : 'nothing new to lock');
}
