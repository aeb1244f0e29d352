// Writes the config's JSON Schema (dist/tsup-report.config.schema.json) from the zod schema that
// tsc compiled into dist/config/: built with the CLI, it cannot disagree with what the loader
// checks. It ships in the package; `tsup-report init` points the config's "$schema" at it.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_SCHEMA_FILE_NAME, configJsonSchema } from '../dist/config/json-schema.js';

const file = path.resolve(import.meta.dirname, '..', 'dist', CONFIG_SCHEMA_FILE_NAME);
writeFileSync(file, `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
