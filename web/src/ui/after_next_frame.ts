// Work that must stay out of the frame a batch is painted in (the progress chart, the terminal's echo)
// runs in a task right after that frame's main-thread part: its own changes go to the frame after.
// A batch arriving a few ms after a key press is then painted by the frame its own arrival starts, not
// a vsync later behind other changes.
export function afterNextFrame(f: () => void): void {
  requestAnimationFrame(() => setTimeout(f, 0));
}
