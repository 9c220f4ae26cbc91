import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The simulator's optional persistence: the whole state as one JSON file, rewritten after each
 * change through a temporary file and a rename, so a crash leaves either the old or the new
 * state on disk, never half of one.
 */
export class JsonFile<T> {
  constructor(readonly path: string) {}

  read(): T | undefined {
    if (!existsSync(this.path)) return undefined;
    return JSON.parse(readFileSync(this.path, 'utf8')) as T;
  }

  write(state: T): void {
    mkdirSync(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(state), { flush: true });
    renameSync(temporary, this.path);
  }
}
