// Node's Atomics.waitAsync is not woken by a notify from its own thread, and its wait does not keep the
// event loop alive; the page's is (Chromium). Tests of code that waits with it install this stand-in,
// which looks at the value every ms until it changes or the timeout ends.
type WaitResult = { async: false; value: 'not-equal' } | { async: true; value: Promise<'ok' | 'timed-out'> };

function polledWaitAsync(array: Int32Array, index: number, value: number, timeoutMs = Infinity): WaitResult {
  if (Atomics.load(array, index) !== value) return { async: false, value: 'not-equal' };
  const deadline = performance.now() + timeoutMs;
  return {
    async: true,
    value: new Promise((resolve) => {
      const look = () => {
        if (Atomics.load(array, index) !== value) resolve('ok');
        else if (performance.now() >= deadline) resolve('timed-out');
        else setTimeout(look, 1);
      };
      setTimeout(look, 1);
    }),
  };
}

// Installs the stand-in; the returned function puts Node's back.
export function installPolledWaitAsync(): () => void {
  const atomics = Atomics as unknown as { waitAsync?: unknown };
  const saved = atomics.waitAsync;
  atomics.waitAsync = polledWaitAsync;
  return () => {
    atomics.waitAsync = saved;
  };
}
