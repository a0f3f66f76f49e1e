-- wrk script: POST /api/v1/ask with a mix of answered, clarified and out-of-scope questions, each request in
-- its own session, so every request also reads its session's context and writes its exchange.
-- Run: wrk -t2 -c16 -d30s -s src/test/benchmarks/ask.lua http://localhost:8080
-- against a server started with --parley.api.rate-limit.burst=0: wrk is one client address, and the limit per
-- address (20 at once, 60 a minute) would answer nearly every request with a 429.
local questions = {
  "who can refer cases to the ICC?",
  "what does the UNHCR do?",
  "and in Africa?",
  "tell me about international organizations",
  "what is the weather in Paris?",
  "How do sanctions and diplomatic pressure enforce human rights?",
  "tell me more",
  "which organizations help migrants",
}
local counter = 0

request = function()
  counter = counter + 1
  local question = questions[(counter % #questions) + 1]
  local body = string.format('{"question":"%s","sessionId":"wrk-%08d"}', question, counter % 500)
  return wrk.format("POST", "/api/v1/ask", { ["Content-Type"] = "application/json" }, body)
end

local failures = 0
response = function(status, headers, body)
  if status ~= 200 then
    failures = failures + 1
  end
end

done = function(summary, latency, requests)
  io.write(string.format("non-200 responses: %d\n", summary.errors.status))
  for _, p in ipairs({ 50, 90, 99 }) do
    io.write(string.format("p%d: %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
