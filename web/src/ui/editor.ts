// The code editor: CodeMirror 6 with Python highlighting. Engine errors become diagnostics at their
// line and column, labelled with Spark's error class.
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab, isolateHistory } from '@codemirror/commands';
import { python } from '@codemirror/lang-python';
import { bracketMatching, defaultHighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import type { Diagnostic } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import type { Text } from '@codemirror/state';
import {
  EditorView,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import type { ErrorInfo } from '../worker/protocol';

export interface Editor {
  view: EditorView;
  getCode(): string;
  setCode(code: string): void;
  showError(error: ErrorInfo): void;
  clearErrors(): void;
}

// The span an error marks: from its column to the end of the word there (or one character).
export function errorRange(doc: Text, error: ErrorInfo): { from: number; to: number } {
  const lineNo = Math.min(Math.max(error.line ?? 1, 1), doc.lines);
  const line = doc.line(lineNo);
  if (!error.column) return { from: line.from, to: line.to };
  const from = Math.min(line.from + error.column - 1, line.to);
  const word = /^[\w.]+/.exec(line.text.slice(from - line.from));
  return { from, to: Math.min(from + Math.max(word?.[0].length ?? 1, 1), line.to) };
}

export function createEditor(parent: HTMLElement, code: string, onRun: () => void, onChange: () => void): Editor {
  const runKey = { key: 'Mod-Enter', preventDefault: true, run: () => (onRun(), true) };
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: code,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        autocompletion(),
        highlightActiveLine(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        python(),
        lintGutter(),
        keymap.of([runKey, ...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...completionKeymap, indentWithTab]),
        EditorView.lineWrapping,
        EditorView.updateListener.of((u) => u.docChanged && onChange()),
        EditorView.contentAttributes.of({ 'aria-label': 'Code' }),
      ],
    }),
  });
  return {
    view,
    getCode: () => view.state.doc.toString(),
    // An undo step of its own: Ctrl+Z undoes the whole replacement, not also what was typed just before it.
    setCode: (text) =>
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, annotations: isolateHistory.of('full') }),
    showError: (error) => {
      const { from, to } = errorRange(view.state.doc, error);
      const diagnostic: Diagnostic = { from, to, severity: 'error', source: error.errorClass, message: `${error.errorClass}: ${error.message}` };
      view.dispatch(setDiagnostics(view.state, [diagnostic]));
    },
    clearErrors: () => view.dispatch(setDiagnostics(view.state, [])),
  };
}
