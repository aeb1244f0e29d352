import type { PickedFile } from './sources.js';

/**
 * The files of a drop: a file dropped alone as itself, a folder with everything in it, however
 * deep, under its path (`記録/2022年1月/1月.xlsx`), as the CLI walks a folder.
 */
export async function filesFromDrop(transfer: DataTransfer): Promise<PickedFile[]> {
  // Entries and files must be taken while the drop event lasts; they are read afterwards. An item
  // without an entry (a file dragged from another page or app) is taken as the file it holds.
  const items = [...transfer.items]
    .filter((item) => item.kind === 'file')
    .map((item) => ({ entry: item.webkitGetAsEntry(), file: item.getAsFile() }));
  const picked: PickedFile[] = [];
  for (const { entry, file } of items) {
    if (entry?.isDirectory) await walk(entry as FileSystemDirectoryEntry, picked);
    else if (entry?.isFile) picked.push({ file: await fileOf(entry as FileSystemFileEntry), path: '' });
    else if (file) picked.push({ file, path: '' });
  }
  return picked;
}

async function walk(folder: FileSystemDirectoryEntry, picked: PickedFile[]): Promise<void> {
  const reader = folder.createReader();
  // readEntries hands out a folder's entries a batch at a time (100 in Chrome) until an empty batch.
  for (let batch = await readBatch(reader); batch.length > 0; batch = await readBatch(reader)) {
    for (const entry of batch) {
      if (entry.isFile) picked.push({ file: await fileOf(entry as FileSystemFileEntry), path: entry.fullPath.replace(/^\//u, '') });
      else await walk(entry as FileSystemDirectoryEntry, picked);
    }
  }
}

function readBatch(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}
