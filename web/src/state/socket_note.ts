// The note the terminal pane shows while a socket query reads from the in-page netcat (no relay): on
// Spark the socket source cannot replay lines after a restart; here the page's line log can, when
// IndexedDB is available. Pure, so node:test checks the wording per case.

// Spark's documentation of the socket source (Structured Streaming Programming Guide, Input Sources):
// "This should be used only for testing as this does not provide end-to-end fault-tolerance guarantees".
export const SPARK_SOCKET_WARNING = 'does not provide end-to-end fault-tolerance guarantees';

export interface SocketNoteInput {
  socketQuery: boolean; // a running query reads a socket source
  relay: boolean; // its lines come through the relay from a real nc
  durable: boolean; // the page keeps the lines it delivers (IndexedDB)
}

export function socketNote({ socketQuery, relay, durable }: SocketNoteInput): string | null {
  if (!socketQuery || relay) return null;
  const spark = `Spark's socket source is for testing only: it "${SPARK_SOCKET_WARNING}".`;
  return durable
    ? `${spark} This page keeps the lines you type, so a query with a checkpointLocation resumes after a reload.`
    : `${spark} This browser cannot keep your lines either: a restarted query misses what it had not read.`;
}
