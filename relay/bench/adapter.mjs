// Client side of Runnel's relay protocol (relay/PROTOCOL.md) for the peer benchmark harness
// (../shared/bench/ws_client.mjs, RUNNEL_RELAY_ADAPTER=this file; `./dev bench` sets it).
//
// It subscribes with "encoding":"binary": each lines message is then a binary frame, a JSON header
// line followed by the lines as sent, so decoding is a slice (a JSON text client, like the page,
// parses "lines" arrays instead; BENCH_RELAY_ENCODING=json measures that).
//
// It waits for the relay's `hello` before subscribing. run_all.sh runs websockify with this
// adapter still in the environment: websockify sends no hello, only binary frames of raw TCP
// bytes, which are passed through unchanged, so its figures are those of the harness's own client.
const ENCODING = process.env.BENCH_RELAY_ENCODING === 'json' ? 'json' : 'binary';
const HELLO = Buffer.from('{"v":1,"type":"hello"');
const LINES_KEY = Buffer.from('"lines":[');
let runnel = false; // set by the first hello (decode returns null for it): every client of one run talks to the same relay

// Lines of the first TCP connection only: when the source closes (eof1) the relay reconnects and
// the bench's source serves the file again as connection 2, which is not part of the test.
function decodeBinary(data) {
  const nl = data.indexOf(10);
  const header = JSON.parse(data.toString('latin1', 0, nl));
  if (header.type !== 'lines' || header.connection !== 1) return null;
  return data.subarray(nl + 1);
}

function decodeJson(data) {
  const at = data.indexOf(LINES_KEY);
  if (at < 0) return null; // a control message
  const m = JSON.parse(data.subarray(0, at + LINES_KEY.length - 1) + '0}'); // the header fields
  if (m.type !== 'lines' || m.connection !== 1) return null;
  const body = data.subarray(at + LINES_KEY.length, data.length - 2);
  // Without a backslash no string holds an escape or a quote, so '","' separates lines exactly
  // (the same bytes JSON.parse would give, without a million small strings); else parse.
  if (body.indexOf(0x5c) === -1) {
    if (body.length === 0) return null;
    return Buffer.from(body.toString('latin1', 1, body.length - 1).replaceAll('","', '\n') + '\n', 'latin1');
  }
  return Buffer.from(JSON.parse(data).lines.join('\n') + '\n');
}

export default {
  url({ wsHost, wsPort }) {
    return `ws://${wsHost}:${wsPort}/ws`;
  },
  protocols: [],
  // Every client asks for the stream from offset 0: clients that connect after the relay has
  // begun reading still get it all from the log (one TCP connection per target), or a gap.
  onOpen(ws, { targetHost, targetPort }) {
    ws.once('message', (data, isBinary) => {
      if (isBinary || data.indexOf(HELLO) !== 0) return; // not Runnel: raw bytes follow
      const target = `${targetHost}:${targetPort}`;
      ws.send(JSON.stringify({ v: 1, type: 'subscribe', target, from: 0, encoding: ENCODING }));
    });
  },
  // The client's own message handler runs before onOpen's, so the hello is recognised here.
  decode(data, isBinary) {
    if (!runnel && !isBinary && data.indexOf(HELLO) === 0) runnel = true;
    if (!runnel) return data; // websockify: the frame is raw TCP bytes
    return isBinary ? decodeBinary(data) : decodeJson(data);
  },
};
