-- wrk script of the load benchmark: POSTs JSON bodies and prints one machine-readable summary line.
-- BENCH_BODIES: a file with one JSON body per line, sent in turn by each connection's thread.
-- BENCH_UNIQUE=1: every "@@N@@" in a body becomes a word no request of this run has used (a cold cache).
-- BENCH_SALT: a number that keeps those words apart between runs. BENCH_AUTH: a bearer key, if any.
local bodies = {}
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

local function word(n)
  local s = ""
  repeat
    local d = n % 26
    s = string.char(97 + d) .. s
    n = (n - d) / 26
  until n == 0
  return s
end

function init(args)
  for line in io.lines(os.getenv("BENCH_BODIES")) do
    if #line > 0 then bodies[#bodies + 1] = line end
  end
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  local auth = os.getenv("BENCH_AUTH")
  if auth and auth ~= "" then wrk.headers["Authorization"] = "Bearer " .. auth end
  unique = os.getenv("BENCH_UNIQUE") == "1"
  salt = tonumber(os.getenv("BENCH_SALT") or "0")
  if not unique and #bodies == 1 then
    wrk.body = bodies[1]
    fixed = wrk.format()
  end
end

function request()
  counter = counter + 1
  if fixed then return fixed end
  local body = bodies[(counter - 1) % #bodies + 1]
  if unique then
    body = (body:gsub("@@N@@", word(salt * 1e12 + id * 1e9 + counter)))
  end
  return wrk.format(nil, nil, nil, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('BENCH {"requests": %d, "duration_us": %d, "status_errors": %d, "socket_errors": %d, '
    .. '"p50_us": %d, "p90_us": %d, "p99_us": %d, "mean_us": %.1f}\n',
    summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.mean))
end
