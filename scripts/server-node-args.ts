/**
 * Node flags for the production server (scripts/server.mjs), used by `npm start` and by the benchmarks that
 * start it, so both measure what runs. A larger young generation: each request allocates a few hundred KB
 * (rows, strings, the page), and with V8's default 16 MB semi-space the server collected garbage every few
 * dozen requests. At 64 MB `npm run bench share` measured the patient page's p99 at 1.36× the static file's
 * instead of 2.29×, and its throughput at 0.56× instead of 0.53× (side by side, one run each, quiet machine).
 * It costs at most 3 × 64 MB of address space, reserved only as the heap grows into it.
 */
export const serverNodeArgs = ["--max-semi-space-size=64"];
