import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { migrationFiles, sha256, LOCK } = require('../scripts/lock-migrations.cjs') as {
  migrationFiles(): string[];
  sha256(file: string): string;
  LOCK: string;
};

/**
 * Landed migrations are frozen: a database that already ran one never runs it again, so editing
 * it (or a helper it calls) silently splits the schema of old and new installations. Each
 * migration file and each frozen helper (`migrations/v1.ts`, `v2.ts`, …) is locked by its hash.
 */
describe('migrations are frozen once landed', () => {
  const lock: Record<string, string> = JSON.parse(readFileSync(LOCK, 'utf8'));

  it('no locked migration file or frozen helper was edited or removed', () => {
    const changed = Object.entries(lock)
      .filter(([file, hash]) => !existsSync(join(__dirname, '..', file)) || sha256(file) !== hash)
      .map(([file]) => file);
    expect({ changed, hint: 'write a new migration instead of editing a landed one' }).toEqual({ changed: [], hint: expect.any(String) });
  });

  it('every migration file is locked (run `npm run migrations:lock` after writing a new one)', () => {
    const unlocked = migrationFiles().filter((file) => !lock[file]);
    expect(unlocked).toEqual([]);
  });

  it('the check fails for an edited file (its hash differs)', () => {
    const [file] = Object.keys(lock);
    const edited = require('node:crypto').createHash('sha256').update(Buffer.concat([readFileSync(join(__dirname, '..', file)), Buffer.from('\n')])).digest('hex');
    expect(edited).not.toBe(lock[file]);
  });
});
