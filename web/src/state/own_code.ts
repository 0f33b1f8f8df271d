// The Examples menu's entries for the reader's own code: a share link, the code last run, edits. Opening
// other code in the editor (an example, another entry, a share link) keeps the editor's text here first
// when no entry holds it, so nothing typed is thrown away; the entries outlive a reload (localStorage).
export interface OwnCode {
  id: number; // the menu entry's value is `own-${id}`: a stable name while entries come and go
  label: string;
  code: string;
}

export interface OwnCodes {
  next: number;
  entries: OwnCode[]; // newest first
}

export const MAX_OWN_CODES = 6; // the oldest leaves past it
export const EDITS_LABEL = 'Your edits';

export const noOwnCodes = (): OwnCodes => ({ next: 1, entries: [] });

// The entry that holds `code`, if one does.
export const ownEntryOf = (codes: OwnCodes, code: string): OwnCode | undefined => codes.entries.find((e) => e.code === code);

// `codes` with `code` kept as a new entry labelled `label`, unless an example or an entry already holds it or
// it is blank. `kept`: the new entry, if one was made.
export function keepOwnCode(
  codes: OwnCodes,
  code: string,
  label: string,
  examples: readonly { code: string }[],
): { codes: OwnCodes; kept: OwnCode | null } {
  if (code.trim() === '' || examples.some((e) => e.code === code) || ownEntryOf(codes, code)) return { codes, kept: null };
  const kept = { id: codes.next, label, code };
  return { codes: { next: codes.next + 1, entries: [kept, ...codes.entries].slice(0, MAX_OWN_CODES) }, kept };
}

// Entries as stored (JSON); anything unreadable is no entries.
export function parseOwnCodes(json: string | null): OwnCodes {
  try {
    const parsed = JSON.parse(json ?? 'null') as Partial<OwnCodes> | null;
    const entries = (Array.isArray(parsed?.entries) ? parsed.entries : []).filter(
      (e): e is OwnCode => typeof e?.id === 'number' && typeof e.label === 'string' && typeof e.code === 'string',
    );
    const next = Math.max(typeof parsed?.next === 'number' ? parsed.next : 1, ...entries.map((e) => e.id + 1));
    return { next, entries: entries.slice(0, MAX_OWN_CODES) };
  } catch {
    return noOwnCodes();
  }
}
