// The note the terminal pane shows while a socket query reads from the in-page netcat (no relay): on
// Spark the socket source cannot replay lines after a restart; here the page's line log can, when
// IndexedDB is available. Pure, so node:test checks the wording per case.

// Spark's documentation of the socket source (Structured Streaming Programming Guide, Input Sources).
export const SPARK_SOCKET_WARNING =
  'This should be used only for testing as this does not provide end-to-end fault-tolerance guarantees';

export interface SocketNoteInput {
  socketQuery: boolean; // a running query reads a socket source
  relay: boolean; // its lines come through the relay from a real nc
  durable: boolean; // the page keeps the lines it delivers (IndexedDB)
}

export function socketNote({ socketQuery, relay, durable }: SocketNoteInput): string | null {
  if (!socketQuery || relay) return null;
  const spark = `On Spark the socket source is not fault tolerant: "${SPARK_SOCKET_WARNING}".`;
  return durable
    ? `${spark} Here this page keeps the lines you type (in this browser), so a query with a checkpointLocation resumes after a reload.`
    : `${spark} This browser does not let the page store them either: lines a stopped query missed are lost.`;
}
