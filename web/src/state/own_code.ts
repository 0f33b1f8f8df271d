// The Examples menu's entry for the reader's own code: a share link, the code last run, or edits. Picking an
// example replaces the editor's text, so text that is not one of the examples is kept here first, and
// picking the entry brings it back: choosing an example never throws code away.
export interface OwnCode {
  label: string;
  code: string;
}

export const EDITS_LABEL = 'Your edits';

// The entry after the reader leaves `current` (the editor's text) for another entry of the menu.
export function keepOwnCode(current: string, own: OwnCode | null, examples: readonly { code: string }[]): OwnCode | null {
  if (own?.code === current || examples.some((e) => e.code === current)) return own;
  return { label: EDITS_LABEL, code: current };
}
