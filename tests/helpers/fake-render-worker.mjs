// A stand-in for lib/handout/pdf/render-worker.ts that speaks the same protocol, to test the pool's own
// behaviour: payload.action chooses what goes wrong.
import { parentPort, resourceLimits, threadId } from "node:worker_threads";

parentPort.on("message", ({ id, payload }) => {
  if (payload.action === "exit") process.exit(3); // ends this worker thread only
  if (payload.action === "throw")
    setImmediate(() => {
      throw new Error("worker blew up");
    });
  if (payload.action === "hang") return;
  if (payload.action === "limits") {
    const pdf = new TextEncoder().encode(JSON.stringify(resourceLimits));
    return parentPort.postMessage({ id, ok: true, pdf }, [pdf.buffer]);
  }
  if (payload.action === "fail") return parentPort.postMessage({ id, ok: false, error: "bad input" });
  const pdf = new TextEncoder().encode(`%PDF ${payload.text} from thread ${threadId}`);
  setTimeout(() => parentPort.postMessage({ id, ok: true, pdf }, [pdf.buffer]), payload.delayMs ?? 0);
});
