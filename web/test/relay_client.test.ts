// The relay client reads every relay-to-page example of relay/PROTOCOL.md, and refuses what the
// protocol says to refuse.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseRelayMessage } from '../src/relay/client';

const protocol = readFileSync(new URL('../../relay/PROTOCOL.md', import.meta.url), 'utf8');
const examples = [...protocol.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1].trim());
const fromPage = new Set(['subscribe', 'unsubscribe']);

test('every relay message in PROTOCOL.md parses', () => {
  const toPage = examples.filter((e) => !fromPage.has(JSON.parse(e).type));
  assert.ok(toPage.length >= 8, `only ${toPage.length} examples found`);
  for (const text of toPage) {
    const m = parseRelayMessage(text);
    assert.notEqual(typeof m, 'string', `${text}: ${m}`);
  }
});

test('other versions, unknown types and malformed messages are refused', () => {
  assert.match(String(parseRelayMessage('{"v":2,"type":"hello","relay":"x"}')), /unsupported version/);
  assert.match(String(parseRelayMessage('{"v":1,"type":"surprise"}')), /unknown type/);
  assert.match(String(parseRelayMessage('{"v":1,"type":"lines","target":"a:1","first_offset":-1,"lines":[]}')), /malformed/);
  assert.match(String(parseRelayMessage('not json')), /not JSON/);
});
