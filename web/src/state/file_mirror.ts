// The worker's copy of the engine's durable files (checkpoints), mirrored from the file system's
// journal (runnel::JournalingFileSystem through the binding's takeFileChanges) and persisted to
// IndexedDB. Pure (no I/O), so node:test checks it.

export interface FileChange {
  remove: boolean; // a removal removes the path and everything under `path/`
  path: string;
  content: Uint8Array;
}

// What one IndexedDB transaction writes: the final content of every path the changes touched. One
// transaction holds a whole engine call's changes, so a reload sees all of them or none (a batch's
// offsets never without the lines they name, its commit never without its offsets).
export interface FileWrites {
  put: Map<string, Uint8Array>;
  remove: string[];
}

export function applyFileChanges(files: Map<string, Uint8Array>, changes: FileChange[]): FileWrites {
  const touched = new Set<string>();
  for (const c of changes) {
    if (!c.remove) {
      files.set(c.path, c.content);
      touched.add(c.path);
      continue;
    }
    touched.add(c.path);
    const prefix = `${c.path}/`;
    for (const path of [...files.keys()]) {
      if (path === c.path || path.startsWith(prefix)) {
        files.delete(path);
        touched.add(path);
      }
    }
  }
  const put = new Map<string, Uint8Array>();
  const remove: string[] = [];
  for (const path of touched) {
    const content = files.get(path);
    if (content) put.set(path, content);
    else remove.push(path);
  }
  return { put, remove };
}
