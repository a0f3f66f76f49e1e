-- wrk script: POST /api/v1/ask, one question per request and no session id (each request a new visitor), the
-- questions read from the file $QUESTIONS (one a line) and sent in turn. With UNIQUE=1 every text is made
-- different ("... (t2-17)"), so no two requests ask the same thing, as for a bot whose traffic never repeats.
-- Run (run.sh does): QUESTIONS=faq.txt wrk -t2 -c32 -d10s -s src/test/benchmarks/questions.lua http://localhost:8080
-- against a server started with --parley.api.rate-limit.burst=0 (one client address asks far faster than a person).
local questions = {}
local file = assert(io.open(os.getenv("QUESTIONS") or error("QUESTIONS names no file"), "r"))
for line in file:lines() do
  if line ~= "" then
    questions[#questions + 1] = line:gsub('\\', '\\\\'):gsub('"', '\\"')
  end
end
file:close()
local unique = os.getenv("UNIQUE") == "1"

local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("id", threads)
end

local counter = 0
request = function()
  counter = counter + 1
  local question = questions[(counter % #questions) + 1]
  if unique then
    question = string.format("%s (t%d-%d)", question, id, counter)
  end
  return wrk.format("POST", "/api/v1/ask", { ["Content-Type"] = "application/json" },
    string.format('{"question":"%s"}', question))
end

done = function(summary, latency, requests)
  io.write(string.format("non-2xx responses: %d, errors: %d\n", summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  for _, p in ipairs({ 50, 99 }) do
    io.write(string.format("p%d: %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
