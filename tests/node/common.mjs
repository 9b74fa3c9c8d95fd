// What every client script shares: the gateway's address and key from the environment, the mock's
// per-request headers, and one JSON line of results on stdout for the pytest side to read.
export const GATEWAY = process.env.GATEWAY_URL;
export const KEY = process.env.GATEWAY_KEY;
if (!GATEWAY || !KEY) throw new Error("GATEWAY_URL and GATEWAY_KEY must be set");

let scenarios = 0;
/** Headers asking the mock provider for a failure in one scenario of its own. */
export function failing(status, times, retryAfter) {
  scenarios += 1;
  return {
    "x-mock-scenario": `node-${process.pid}-${Date.now()}-${scenarios}`,
    "x-mock-fail-status": String(status),
    "x-mock-fail-times": String(times),
    "x-mock-retry-after": String(retryAfter),
  };
}

/** An SDK error as plain data: status, the error body the client got, and the request ids. */
export function described(error) {
  const headers = error.headers ?? {};
  const get = (name) => (typeof headers.get === "function" ? headers.get(name) : headers[name]) ?? null;
  return {
    name: error.constructor?.name ?? "Error",
    status: error.status ?? null,
    error: error.error ?? null,
    message: String(error.message ?? error),
    request_id: error.requestID ?? error.request_id ?? get("request-id"),
    retry_after: get("retry-after"),
  };
}

export async function run(scenarios) {
  const name = process.argv[2];
  const scenario = scenarios[name];
  if (!scenario) throw new Error(`unknown scenario ${name}; known: ${Object.keys(scenarios).join(", ")}`);
  const result = await scenario();
  process.stdout.write(JSON.stringify(result) + "\n");
}
