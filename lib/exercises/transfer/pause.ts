/**
 * Long synchronous work (parsing, validating and writing tens of thousands of rows: every embedded-libSQL
 * statement runs on this thread) must let the server answer other requests. A pauser gives the event loop
 * a turn (setImmediate: I/O first) whenever `sliceMs` of work has gone by since the last turn; awaiting a
 * resolved promise is not enough, as microtasks run before any I/O.
 */
export type Pauser = () => Promise<void>;

export function createPauser(sliceMs = 4): Pauser {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < sliceMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    since = performance.now();
  };
}

/** For comparisons (the benchmark): never pauses, as the import did before. */
export const neverPause: Pauser = async () => {};
