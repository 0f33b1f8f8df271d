// The playground page: wires the editor, the engine worker, the terminal pane, the relay, the output and
// the progress chart. The engine lives in the worker (worker/engine_client.ts); this thread never loads wasm.
import './style.css';
import { RelayClient, discoverRelay } from './relay/client';
import { addProgress, emptyProgress } from './state/progress_state';
import { appendEntry, emptyOutput } from './state/output_state';
import type { NewEntry } from './state/output_state';
import { EDITS_LABEL, keepOwnCode, ownEntryOf, parseOwnCodes } from './state/own_code';
import type { OwnCode, OwnCodes } from './state/own_code';
import { RELAY_CURSORS_KEY, parseRelayCursors, withRelayCursor } from './state/relay_cursors';
import { decodeShareFragment, encodeShareFragment, shareFragmentProblem } from './state/share_link';
import { socketNote } from './state/socket_note';
import { DEFAULT_TARGET, parseTargetKey, socketTargetFromCode } from './state/socket_target';
import { createEditor } from './ui/editor';
import { BUNDLED_FILES, DEFAULT_EXAMPLE, EXAMPLES } from './ui/examples';
import { OutputView } from './ui/output_view';
import { ProgressChart } from './ui/progress_chart';
import { createTerminalPane } from './ui/terminal_pane';
import { EngineClient } from './worker/engine_client';
import type { Event } from './worker/protocol';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const runButton = $<HTMLButtonElement>('run');
const stopButton = $<HTMLButtonElement>('stop');
const status = $('status');

let output = emptyOutput();
let progress = emptyProgress();
let running = false;
let sockets: string[] = []; // socket targets of the running queries ("localhost:9999")
// The errors shown in this run: a query's failure that the code's awaitTermination() raises
// again arrives twice (the query's, then the code's with its line); it is shown once, and marked.
let shownErrors = new Set<string>();
let pendingLines: string[] = []; // typed before a query listened: nc -lk holds them for the next client
let relay: RelayClient | null = null;
let relayTargetUp = false;
let durable = false; // the worker keeps checkpoints and delivered lines in IndexedDB
let resumedRun = false; // the run's query restarted from a checkpoint: the relay resumes where the page was
const LAST_CODE_KEY = 'runnel.lastRunCode.v1'; // the code last run (a reload resumes its checkpoint)
const DRAFT_KEY = 'runnel.draft.v1'; // the editor's text, saved as it changes: a reload shows it again
const OWN_CODES_KEY = 'runnel.ownCode.v1'; // the Examples menu's entries of own code (state/own_code.ts)

const outputView = new OutputView($('output'));
const chart = new ProgressChart($('chart'), $('progress-json'));

// localStorage keeps conveniences (drafts, own code, the code last run): when it is full or off, the page
// goes on without them rather than fail the Run or the pick that wrote them.
function remember(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch (e) {
    console.warn(`runnel: could not keep ${key} in localStorage (${String(e)})`);
  }
}

function setStatus(text: string): void {
  status.textContent = text;
  status.title = text; // all of it where the bar's room ends it in an ellipsis
}

function setRunning(next: boolean): void {
  running = next;
  stopButton.disabled = !next;
  if (!next) terminal.setNote(null);
  document.body.dataset.running = String(next);
}

function append(entry: NewEntry): void {
  output = appendEntry(output, entry);
  outputView.update(output); // painted in the next frame, with whatever else arrives before it
}

// ---- editor -------------------------------------------------------------------------------------------
// The editor opens a share link's code, else the text it had (or, saved before drafts were, the code last
// run), else the course word count.
const sharedCode = decodeShareFragment(location.hash);
const lastRunCode = localStorage.getItem(LAST_CODE_KEY);
const draftCode = localStorage.getItem(DRAFT_KEY) ?? lastRunCode;
const initialCode = sharedCode ?? draftCode ?? DEFAULT_EXAMPLE.code;
const editor = createEditor($('editor'), initialCode, () => void run(), () => {
  updatePort();
  scheduleDraftSave();
});

// The draft is saved a moment after typing stops, and when the page goes away. Once the text is no longer
// a share link's, the link leaves the address: a reload then shows the text, not the link's code.
let draftTimer: ReturnType<typeof setTimeout> | undefined;
function scheduleDraftSave(): void {
  clearTimeout(draftTimer);
  draftTimer = setTimeout(saveDraft, 400);
}
function saveDraft(): void {
  clearTimeout(draftTimer);
  const code = editor.getCode();
  remember(DRAFT_KEY, code);
  const linked = decodeShareFragment(location.hash);
  if (linked !== null && linked !== code) history.replaceState(null, '', location.pathname + location.search);
  selectEntryOf(code);
}
window.addEventListener('pagehide', saveDraft);

// ---- terminal -----------------------------------------------------------------------------------------
const terminal = createTerminalPane($('terminal'), (lines) => deliver(lines, true));

function portOfCode(): number {
  return (socketTargetFromCode(editor.getCode()) ?? DEFAULT_TARGET).port;
}

function updatePort(): void {
  if (!running) terminal.setPort(portOfCode());
}

function netcatMode(why: string): void {
  terminal.setMode('netcat', why);
  updateSocketNote();
}

function updateSocketNote(): void {
  terminal.setNote(socketNote({ socketQuery: running && sockets.length > 0, relay: relayTargetUp, durable }));
}

// `typed`: the lines were typed in the terminal pane (the engine client takes their batch from the reply
// slot, see onReply).
function deliver(lines: string[], typed = false): void {
  if (sockets.length === 0) {
    pendingLines.push(...lines);
    return;
  }
  for (const target of sockets) engine.pushLines(target, lines, typed);
}

// ---- engine -------------------------------------------------------------------------------------------
function onEvent(event: Event): void {
  switch (event.type) {
    case 'ready':
      runButton.disabled = false;
      durable = event.durable === true;
      document.body.dataset.engine = 'ready';
      performance.mark('runnel-ready');
      setStatus('Ready. Press Run (Ctrl/Cmd-Enter).');
      return;
    case 'fatal':
      setStatus(`The engine could not load: ${event.message}`);
      return;
    case 'batch':
      append({ kind: 'batch', queryId: event.queryId, batchId: event.batchId, console: event.console, columns: event.columns, rows: event.rows });
      return;
    case 'output':
      append({ kind: 'text', text: event.text });
      return;
    case 'log':
      append({ kind: 'log', level: event.level, message: event.message });
      return;
    case 'error':
      showError(event);
      return;
    case 'linesAccepted':
      terminal.linesAccepted();
      return;
    case 'progress':
      progress = addProgress(progress, event.progress);
      chart.update(progress);
      return;
    case 'queryStarted':
      if (event.resumed) {
        resumedRun = true;
        const { checkpointLocation, batchId } = event.resumed;
        append({ kind: 'log', level: 'INFO', message: `Resumed from checkpoint ${checkpointLocation} at batch ${batchId}` });
      }
      onSockets(event.sockets);
      return;
    case 'sockets':
      onSockets(event.targets);
      return;
    case 'queryTerminated':
      // A program waiting at awaitTermination() meets the failure there and may catch it (Spark
      // logs it either way): its scriptDone or error ends the run.
      if (event.error) showError(event.error, waitingAt === null);
      return;
    case 'scriptWaiting':
      // Without a timeout, awaitTermination() waits for the query's end: to the learner, it runs.
      waitingAt = event.timed === false ? QUERY_RUNNING : `${event.call === 'time.sleep' ? 'Sleeping' : 'Waiting'} at line ${event.line}`;
      showWaiting();
      return;
    case 'scriptDone':
      waitingAt = null;
      programDone = event.waiting;
      if (!event.waiting) {
        setRunning(false);
        if (shownErrors.size === 0) setStatus('Done.'); // else the status still names the error
      } else {
        showWaiting();
      }
      return;
    case 'stopped':
      waitingAt = null;
      programDone = false;
      setRunning(false);
      setStatus('Stopped.');
      return;
    case 'checkpointsReset':
      localStorage.removeItem(RELAY_CURSORS_KEY);
      setStatus(event.ok ? 'Checkpoints and typed lines forgotten: the next Run starts fresh.' : `Could not reset: ${event.message ?? ''}`);
      return;
  }
}

// endsRun: false for a query's failure that the waiting code may still catch.
function showError(error: { errorClass: string; message: string; line?: number; column?: number }, endsRun = true): void {
  const key = `${error.errorClass}\n${error.message}`;
  if (!shownErrors.has(key)) append({ kind: 'error', ...error });
  shownErrors.add(key);
  editor.showError(error);
  if (endsRun) {
    waitingAt = null;
    programDone = false;
    setRunning(false);
  }
  setStatus(`${error.errorClass}.`);
}

// Where the code waits (scriptWaiting), while it does; the status says so, and where to type once a
// socket source connects (it connects in its first batch, after the wait began).
const QUERY_RUNNING = 'Query running';
let waitingAt: string | null = null;
let programDone = false; // the program ended and left its queries running (a cell without awaitTermination())

function showWaiting(): void {
  const at = waitingAt ?? (programDone ? QUERY_RUNNING : null);
  if (at === null) return;
  const port = sockets.length ? parseTargetKey(sockets[0])?.port : undefined;
  if (port !== undefined) setStatus(`${at}: type lines into nc -lk ${port}.`);
  else setStatus(at === QUERY_RUNNING ? `${QUERY_RUNNING}.` : `${at}; queries keep running.`);
}

function onSockets(targets: string[]): void {
  if (targets.length === 0 || targets.every((t) => sockets.includes(t))) return;
  sockets = [...new Set([...sockets, ...targets])];
  showWaiting();
  const target = parseTargetKey(targets[0]);
  if (target) terminal.setPort(target.port);
  terminal.focus(); // the next thing a learner does is type a line
  updateSocketNote();
  if (relay?.connected) {
    relay.subscribe(targets[0], resumedRun ? parseRelayCursors(localStorage.getItem(RELAY_CURSORS_KEY))[targets[0]] : undefined);
    relayTargetUp = false;
    netcatMode(`asking the relay to connect to ${targets[0]}…`);
  }
  if (pendingLines.length) {
    const lines = pendingLines;
    pendingLines = [];
    deliver(lines);
  }
}

const engine = new EngineClient({
  wasmUrl: new URL('wasm/runnel.js', document.baseURI).href,
  onEvent,
  // A typed line's batch, taken from the reply slot: painted by the next frame, not a frame later.
  onReply: () => outputView.flush(),
  onRestart: () => {
    runButton.disabled = true;
    setStatus('The engine did not answer Stop; restarting it…');
  },
});

async function loadBundledFiles(): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of BUNDLED_FILES) {
    const response = await fetch(new URL(name, document.baseURI));
    if (response.ok) files[name] = await response.text();
  }
  return files;
}

// A Run that waits for the previous run to stop: another Run meanwhile adds nothing (this one runs the
// editor's code as it is once the stop is done).
let restarting = false;

async function run(): Promise<void> {
  if (runButton.disabled || restarting) return;
  if (running) {
    restarting = true;
    try {
      await stop();
    } finally {
      restarting = false;
    }
  }
  output = emptyOutput();
  outputView.render(output);
  progress = emptyProgress();
  chart.render(progress);
  sockets = [];
  waitingAt = null;
  programDone = false;
  shownErrors = new Set();
  relay?.unsubscribe();
  editor.clearErrors();
  terminal.setPort(portOfCode());
  resumedRun = false;
  setRunning(true);
  setStatus('Running…');
  remember(LAST_CODE_KEY, editor.getCode());
  saveDraft(); // a reload right after shows this code, not a share link's
  engine.run(editor.getCode());
}

async function stop(): Promise<void> {
  sockets = [];
  relay?.unsubscribe();
  await engine.stop();
}

// ---- relay --------------------------------------------------------------------------------------------
async function connectRelay(): Promise<void> {
  const url = await discoverRelay(location);
  if (!url) {
    netcatMode('no relay (static page): lines you type here go to the socket source');
    return;
  }
  relay = new RelayClient(url, {
    onOpen: () => netcatMode('relay connected: run the code, then type into your own nc -lk, or here'),
    onClose: () => netcatMode('relay disconnected: lines you type here go to the socket source'),
    onState: (target, state, message) => {
      relayTargetUp = state === 'connected';
      updateSocketNote();
      if (relayTargetUp) terminal.setMode('mirror', `lines typed into your nc -lk reach ${target} through the relay`);
      else if (state === 'connecting') netcatMode(`the relay is connecting to ${target}…`);
      else netcatMode(`the relay says ${target}: ${message || state}; this pane plays nc -lk, type lines here`);
    },
    onLines: (target, lines) => {
      if (!relayTargetUp) terminal.setMode('mirror', `lines typed into your nc -lk reach ${target} through the relay`);
      relayTargetUp = true;
      updateSocketNote();
      terminal.mirror(lines);
      if (sockets.includes(target)) engine.pushLines(target, lines);
    },
    onGap: (_target, from, to) => append({ kind: 'log', level: 'WARN', message: `the relay dropped lines ${from}..${to - 1}` }),
    onCursor: (target, cursor) => {
      const cursors = parseRelayCursors(localStorage.getItem(RELAY_CURSORS_KEY));
      localStorage.setItem(RELAY_CURSORS_KEY, JSON.stringify(withRelayCursor(cursors, target, cursor)));
    },
  });
}

// ---- controls -----------------------------------------------------------------------------------------
const examples = $<HTMLSelectElement>('examples');
// The menu: the reader's own code (state/own_code.ts) above the examples, each group under its name.
const OWN_PREFIX = 'own-';
let ownCodes = parseOwnCodes(localStorage.getItem(OWN_CODES_KEY));
const ownGroup = document.createElement('optgroup');
ownGroup.label = 'Your code';
const exampleGroup = document.createElement('optgroup');
exampleGroup.label = 'Examples';
for (const ex of EXAMPLES) exampleGroup.append(new Option(ex.title, ex.id));
examples.append(ownGroup, exampleGroup);

const clock = () => new Date().toTimeString().slice(0, 8); // to the second: entries' labels differ
function setOwnCodes(codes: OwnCodes): void {
  ownCodes = codes;
  remember(OWN_CODES_KEY, JSON.stringify(codes));
  const selected = examples.value;
  ownGroup.replaceChildren(...codes.entries.map((e) => new Option(e.label, `${OWN_PREFIX}${e.id}`)));
  if (codes.entries.length === 0) ownGroup.remove();
  else if (!ownGroup.isConnected) examples.prepend(ownGroup);
  examples.value = selected;
}
// Keeps `code` as an entry unless one (or an example) holds it; the new entry, if one was made.
function keepCode(code: string, label = `${EDITS_LABEL} (${clock()})`): OwnCode | null {
  const { codes, kept } = keepOwnCode(ownCodes, code, label, EXAMPLES);
  if (kept) setOwnCodes(codes);
  return kept;
}
// The entry whose code the editor holds is the one selected (after Ctrl+Z too); edits leave it as it is.
function selectEntryOf(code: string): void {
  const example = EXAMPLES.find((e) => e.code === code);
  const own = ownEntryOf(ownCodes, code);
  if (example) examples.value = example.id;
  else if (own) examples.value = `${OWN_PREFIX}${own.id}`;
}
function codeOfEntry(value: string): { title: string; code: string } | undefined {
  if (!value.startsWith(OWN_PREFIX)) return EXAMPLES.find((e) => e.id === value);
  const own = ownCodes.entries.find((e) => `${OWN_PREFIX}${e.id}` === value);
  return own && { title: own.label, code: own.code };
}

setOwnCodes(ownCodes);
// The code last run and the text the editor had, when the editor opens other code (a share link).
if (lastRunCode !== null && lastRunCode !== initialCode) keepCode(lastRunCode, 'Code last run');
if (draftCode !== null && draftCode !== initialCode) keepCode(draftCode);
keepCode(initialCode, sharedCode !== null ? 'Shared code' : initialCode === lastRunCode ? 'Code last run' : undefined);
selectEntryOf(initialCode);

// A share link pasted into the address bar of the open page changes only the fragment: no reload.
window.addEventListener('hashchange', () => {
  const code = decodeShareFragment(location.hash);
  if (code !== null) {
    const kept = keepCode(editor.getCode());
    keepCode(code, 'Shared code');
    editor.setCode(code);
    editor.clearErrors();
    selectEntryOf(code);
    setStatus(`Shared code loaded: press Run.${kept ? ` Your edits are under Example: "${kept.label}".` : ''}`);
    return;
  }
  const problem = shareFragmentProblem(location.hash);
  if (problem) append({ kind: 'log', level: 'WARN', message: `${problem} The editor keeps its code.` });
});
const linkProblem = shareFragmentProblem(location.hash);
if (linkProblem) append({ kind: 'log', level: 'WARN', message: `${linkProblem} The editor has ${draftCode === null ? 'the default example' : 'your code from last time'}.` });

// Picking an entry replaces the editor's text (undoable there with Ctrl+Z); text no entry holds is kept
// first, as an entry of its own.
examples.addEventListener('change', () => {
  const choice = codeOfEntry(examples.value);
  const current = editor.getCode();
  if (!choice || choice.code === current) return;
  const kept = keepCode(current);
  editor.setCode(choice.code);
  editor.clearErrors();
  saveDraft();
  setStatus(kept ? `Your edits are under Example: "${kept.label}".` : `${choice.title}: press Run.`);
});

runButton.addEventListener('click', () => void run());
$('reset-checkpoints').addEventListener('click', () => {
  void (running ? stop() : Promise.resolve()).then(() => engine.resetCheckpoints());
});
stopButton.addEventListener('click', () => void stop());
document.addEventListener('keydown', (e) => {
  if ((e.ctrlKey || e.metaKey) && e.key === 'Enter' && !e.defaultPrevented) {
    e.preventDefault();
    void run();
  }
});

$('share').addEventListener('click', () => {
  history.replaceState(null, '', encodeShareFragment(editor.getCode()));
  navigator.clipboard?.writeText(location.href).then(
    () => setStatus('Share link copied to the clipboard.'),
    () => setStatus('Share link is in the address bar.'),
  );
});

const tableToggle = $<HTMLButtonElement>('table-toggle');
tableToggle.addEventListener('click', () => {
  const table = tableToggle.getAttribute('aria-pressed') !== 'true';
  tableToggle.setAttribute('aria-pressed', String(table));
  outputView.setMode(table ? 'table' : 'text');
});

updatePort();
void loadBundledFiles().then((files) => engine.start(files));
void connectRelay();
