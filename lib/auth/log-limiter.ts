/**
 * At most one log line per interval for a noisy, expected condition (a stale or forged session cookie on
 * every request would otherwise flood the log with stack traces); the next line says how many were held back.
 */
export function createLogLimiter(intervalMs: number, write: (line: string) => void = console.warn) {
  let lastAt = -Infinity;
  let suppressed = 0;
  return (line: string, now = Date.now()) => {
    if (now - lastAt < intervalMs) {
      suppressed++;
      return;
    }
    lastAt = now;
    write(suppressed > 0 ? `${line} (${suppressed} more like it since the last report)` : line);
    suppressed = 0;
  };
}
