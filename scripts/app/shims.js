// Node's globals that exceljs, csv-parse and iconv-lite expect, for the browser build only
// (scripts/build-app.mjs injects this module).
import { Buffer } from 'buffer';
import process from 'process';

globalThis.Buffer ??= Buffer;
globalThis.process ??= process;
globalThis.setImmediate ??= (callback, ...args) => globalThis.setTimeout(callback, 0, ...args);
