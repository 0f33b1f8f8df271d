// Client side of Runnel's relay protocol (relay/PROTOCOL.md) for the peer benchmark harness
// (../shared/bench/ws_client.mjs, RUNNEL_RELAY_ADAPTER=this file).
const LINES_KEY = Buffer.from('"lines":[');

export default {
  url({ wsHost, wsPort }) {
    return `ws://${wsHost}:${wsPort}/ws`;
  },
  protocols: [],
  // Every client asks for the stream from offset 0: clients that connect after the relay has
  // begun reading still get it all from the log (one TCP connection per target), or a gap.
  onOpen(ws, { targetHost, targetPort }) {
    ws.send(JSON.stringify({ v: 1, type: 'subscribe', target: `${targetHost}:${targetPort}`, from: 0 }));
  },
  // Lines of the first TCP connection only: when the source closes (eof1) the relay reconnects
  // and the bench's source serves the file again as connection 2, which is not part of the test.
  decode(data) {
    const at = data.indexOf(LINES_KEY);
    if (at < 0) return null;  // a control message
    const m = JSON.parse(data.subarray(0, at + LINES_KEY.length - 1) + '0}');  // the header fields
    if (m.type !== 'lines' || m.connection !== 1) return null;
    const body = data.subarray(at + LINES_KEY.length, data.length - 2);
    // Without a backslash no string holds an escape or a quote, so '","' separates lines exactly
    // (the same bytes JSON.parse would give, without a million small strings); else parse.
    if (body.indexOf(0x5c) === -1) {
      if (body.length === 0) return null;
      return Buffer.from(body.toString('latin1', 1, body.length - 1).replaceAll('","', '\n') + '\n', 'latin1');
    }
    return Buffer.from(JSON.parse(data).lines.join('\n') + '\n');
  },
};
