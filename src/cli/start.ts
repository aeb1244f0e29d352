import { fileURLToPath } from 'node:url';
import { loadCommonJs } from './code-cache.js';

/**
 * The installed command's first step (bin/tsup-report.js imports it, built as dist/bundle/start.cjs):
 * the whole CLI is one CommonJS file beside it, cli.cjs, compiled through its V8 code cache.
 */
const cli = loadCommonJs(fileURLToPath(new URL('./cli.cjs', import.meta.url))).exports as typeof import('./main.js');
cli.runAsProcess();
