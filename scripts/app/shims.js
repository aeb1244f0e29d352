// Node's globals that exceljs, csv-parse and iconv-lite expect, for the browser build only
// (scripts/build-app.mjs injects this module).
import { Buffer } from 'buffer';
import process from 'process';

/**
 * setImmediate as a new task without setTimeout's 4 ms clamp once nested: a message through one
 * channel, callbacks in a queue. JSZip (inside exceljs) takes a task per piece of a workbook.
 */
const waiting = [];
const channel = new globalThis.MessageChannel();
channel.port1.onmessage = () => {
  const [callback, args] = waiting.shift();
  callback(...args);
};
function nextTask(callback, ...args) {
  waiting.push([callback, args]);
  channel.port2.postMessage(null);
}

// The `process` package defers nextTick with setTimeout: the streams inside exceljs call it for
// every event, and each one waited out the 4 ms clamp (~600 ms idle for a year of workbooks).
// A microtask is what Node's nextTick is close to.
process.nextTick = (callback, ...args) => globalThis.queueMicrotask(() => callback(...args));
globalThis.Buffer ??= Buffer;
globalThis.process ??= process;
globalThis.setImmediate ??= nextTask;
