import { h } from './dom.js';
import type { Download } from './session.js';

/** Hands a file to the browser's downloads; the page keeps no copy of it. */
export function saveDownload(file: Download): void {
  const url = URL.createObjectURL(new Blob([file.content as BlobPart], { type: file.type }));
  const link = h('a', { href: url, download: file.name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once started.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
