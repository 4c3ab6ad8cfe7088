-- One wrk script for every HTTP figure of the benchmark.
-- Environment: TOKENS_FILE (one token per line, line n for user bench-(n-1)), MODE = list | create | mixed,
-- USER_OFFSET (skip that many users) and USER_COUNT (use that many after them; 0 = all). USERS_FILE, when
-- set, names the user of each token line instead (the service's own accounts have generated ids).
-- Each request picks a user at random, so "mixed" spreads reads and writes over many users.
local tokens = {}
local mode = os.getenv("MODE") or "list"
local limit = tonumber(os.getenv("USER_COUNT") or "0")
local offset = tonumber(os.getenv("USER_OFFSET") or "0")

local line_number = 0
for line in io.lines(os.getenv("TOKENS_FILE")) do
  line_number = line_number + 1
  if line_number > offset and (limit == 0 or #tokens < limit) then
    tokens[#tokens + 1] = line
  end
end

local users = {}
local users_file = os.getenv("USERS_FILE")
if users_file and users_file ~= "" then
  for line in io.lines(users_file) do
    users[#users + 1] = line
  end
end

local function user_of(index)
  if #users > 0 then
    return users[offset + index]
  end
  return "bench-" .. (offset + index - 1)
end

local body = '{"title":"Benchmark task","description":"made by wrk","priority":"high","tags":["bench","home"]}'

-- Every request is formatted once, here, not per request: on two shared cores the load generator's own
-- work is taken from the service's. For the same reason there is no response() callback (wrk would hand
-- every response's headers and body to Lua); wrk counts the non-2xx answers itself.
-- Made in init(), once per thread: wrk sets the Host header's value only after the script is loaded.
local reads, writes = {}, {}
init = function(args)
  for i = 1, #tokens do
    local auth = "Bearer " .. tokens[i]
    reads[i] = wrk.format("GET", "/api/" .. user_of(i) .. "/tasks?limit=20", { ["Authorization"] = auth })
    writes[i] = wrk.format("POST", "/api/" .. user_of(i) .. "/tasks",
      { ["Authorization"] = auth, ["Content-Type"] = "application/json" }, body)
  end
end
local counter = 0

request = function()
  counter = counter + 1
  local i = math.random(#tokens)
  if mode == "create" or (mode == "mixed" and counter % 5 == 0) then
    return writes[i]
  end
  return reads[i]
end

-- With REPORT=1, one line of the figures bench/load.sh prints (wrk's own summary has no p95).
done = function(summary, latency, requests)
  if os.getenv("REPORT") == "1" then
    local non2xx = summary.errors.status
    local socket = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
    io.write(string.format("REPORT rps=%.0f p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f non2xx=%d socket_errors=%d\n",
      summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(95) / 1000,
      latency:percentile(99) / 1000, non2xx, socket))
  end
end
