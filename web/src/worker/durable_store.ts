// IndexedDB behind the worker: the engine's durable files (checkpoints) and the page's socket line
// log survive a reload. Database `runnel` v1: store `files` (key: path, value: Uint8Array) and store
// `socketLines` (key: [target, offset], value: the line). Every save is one transaction over both
// stores, and transactions commit in the order they were made.
import type { FileWrites } from '../state/file_mirror';
import type { LogChanges } from '../state/socket_line_log';

const DB_NAME = 'runnel';
const DB_VERSION = 1;
const FILES = 'files';
const LINES = 'socketLines';

export interface StoredData {
  files: Map<string, Uint8Array>;
  lines: { target: string; offset: number; line: string }[];
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

export class DurableStore {
  private constructor(private readonly db: IDBDatabase) {}

  // null when IndexedDB is unavailable (some private modes): the page still works, without resume.
  static async open(): Promise<DurableStore | null> {
    if (typeof indexedDB === 'undefined') return null;
    try {
      const open = indexedDB.open(DB_NAME, DB_VERSION);
      open.onupgradeneeded = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains(FILES)) db.createObjectStore(FILES);
        if (!db.objectStoreNames.contains(LINES)) db.createObjectStore(LINES);
      };
      return new DurableStore(await request(open));
    } catch {
      return null;
    }
  }

  async load(): Promise<StoredData> {
    const tx = this.db.transaction([FILES, LINES], 'readonly');
    const files = tx.objectStore(FILES);
    const lines = tx.objectStore(LINES);
    const [paths, contents, lineKeys, lineValues] = await Promise.all([
      request(files.getAllKeys()),
      request(files.getAll()),
      request(lines.getAllKeys()),
      request(lines.getAll()),
    ]);
    const out: StoredData = { files: new Map(), lines: [] };
    paths.forEach((p, i) => out.files.set(String(p), contents[i] as Uint8Array));
    lineKeys.forEach((k, i) => {
      const [target, offset] = k as [string, number];
      out.lines.push({ target, offset, line: String(lineValues[i]) });
    });
    return out;
  }

  save(files: FileWrites, lines: LogChanges): Promise<void> {
    const tx = this.db.transaction([FILES, LINES], 'readwrite');
    const fileStore = tx.objectStore(FILES);
    const lineStore = tx.objectStore(LINES);
    for (const { target, firstOffset, lines: added } of lines.appended) {
      added.forEach((line, i) => lineStore.put(line, [target, firstOffset + i]));
    }
    for (const [target, below] of Object.entries(lines.dropBelow)) {
      lineStore.delete(IDBKeyRange.bound([target, 0], [target, below], false, true));
    }
    for (const [path, content] of files.put) fileStore.put(content, path);
    for (const path of files.remove) fileStore.delete(path);
    return done(tx);
  }

  clear(): Promise<void> {
    const tx = this.db.transaction([FILES, LINES], 'readwrite');
    tx.objectStore(FILES).clear();
    tx.objectStore(LINES).clear();
    return done(tx);
  }
}
