-- wrk script of bench/Bench.java: sends the bearer token from BENCH_TOKEN (if set), with BENCH_GZIP=1 the
-- Accept-Encoding of a browser, and at the end prints one
-- machine-readable line: BENCH requests=.. seconds=.. non2xx=.. socket_errors=.. bytes=.. p50_us=.. p99_us=.. ...
-- With BENCH_PATHS (a file of request paths, one a line) every connection walks through those paths in turn
-- (the soak's mixed load); without it every request goes to wrk's URL.
local token = os.getenv("BENCH_TOKEN")
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end

if os.getenv("BENCH_GZIP") == "1" then
  wrk.headers["Accept-Encoding"] = "gzip, deflate, br" -- as a browser asks
end

local paths_file = os.getenv("BENCH_PATHS")
if paths_file and paths_file ~= "" then
  local paths = {}
  for line in io.lines(paths_file) do
    if line ~= "" then paths[#paths + 1] = line end
  end
  local next_path = 0
  request = function()
    next_path = next_path % #paths + 1
    return wrk.format("GET", paths[next_path])
  end
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d seconds=%.3f non2xx=%d socket_errors=%d bytes=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d\n",
    summary.requests, summary.duration / 1e6, e.status, e.connect + e.read + e.write + e.timeout, summary.bytes,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
