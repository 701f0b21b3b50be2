// The schema's versions: server/migrations/NNN_name.sql, applied in order, each once, recorded in
// schema_migrations (the store applies them under an advisory lock). A change to the schema is a new
// file with the next number; a file already applied anywhere is never edited.
import { readdirSync, readFileSync } from 'node:fs';

export type Migration = { version: number; name: string; sql: string };

const FOLDER = new URL('./migrations/', import.meta.url);

/** Every migration file, in version order; fails on a gap or a duplicate number. */
export function loadMigrations(folder: URL = FOLDER): Migration[] {
  const migrations = readdirSync(folder)
    .filter((file) => file.endsWith('.sql'))
    .map((file) => {
      const match = /^(\d{3})_([a-z0-9_]+)\.sql$/.exec(file);
      if (!match) throw new Error(`migration file "${file}" must be named NNN_name.sql.`);
      return { version: Number(match[1]), name: match[2]!, sql: readFileSync(new URL(file, folder), 'utf8') };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((migration, i) => {
    if (migration.version !== i + 1) throw new Error(`migration ${String(i + 1).padStart(3, '0')} is missing or doubled.`);
  });
  return migrations;
}
