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
local counter = 0

request = function()
  counter = counter + 1
  local i = math.random(#tokens)
  local headers = { ["Authorization"] = "Bearer " .. tokens[i] }
  local write = mode == "create" or (mode == "mixed" and counter % 5 == 0)
  if write then
    headers["Content-Type"] = "application/json"
    return wrk.format("POST", "/api/" .. user_of(i) .. "/tasks", headers, body)
  end
  return wrk.format("GET", "/api/" .. user_of(i) .. "/tasks?limit=20", headers)
end

local unexpected = 0
response = function(status, headers, body)
  if status >= 300 then
    unexpected = unexpected + 1
  end
end
