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

// Why a fragment that is not a readable share link cannot be read, for the learner; null when there is
// no fragment or it is one.
export function shareFragmentProblem(fragment: string): string | null {
  if (fragment === '' || fragment === '#' || decodeShareFragment(fragment) !== null) return null;
  const version = /^#v(\d+)\./.exec(fragment);
  if (version && version[1] !== PREFIX.slice(2, -1)) {
    return `The share link is of another version (v${version[1]}); this page reads v1 links.`;
  }
  if (version) return 'The share link is cut off or damaged: its code could not be read.';
  return 'The address ends in something that is not a share link.';
}
