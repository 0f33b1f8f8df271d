// Share links: the code in the URL fragment as `#v1.<lz-string>` (versioned so the format can change).
import LZString from 'lz-string';

const PREFIX = '#v1.';

export function encodeShareFragment(code: string): string {
  return PREFIX + LZString.compressToEncodedURIComponent(code);
}

// null when the fragment is not a share link we can read (absent, another version, corrupt).
export function decodeShareFragment(fragment: string): string | null {
  if (!fragment.startsWith(PREFIX)) return null;
  const code = LZString.decompressFromEncodedURIComponent(fragment.slice(PREFIX.length));
  return code ? code : null;
}
