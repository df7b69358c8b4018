-- wrk script: one PagerDuty Events API v2 trigger per request, each with a fresh dedup_key.
-- The routing key (or, for the no-op baseline, the API key) comes from the environment: BENCH_SECRET.
local secret = os.getenv("BENCH_SECRET")
local thread_id = 0
local counter = 0

function setup(thread)
  thread_id = thread_id + 1
  thread:set("id", thread_id)
end

function init(args)
  math.randomseed(os.time() + (id or 0))
  prefix = string.format("wrk-%d-%d", id or 0, math.random(1, 1000000000))
end

request = function()
  counter = counter + 1
  local body = string.format('{"routing_key":"%s","event_action":"trigger","dedup_key":"%s-%d",' ..
    '"payload":{"summary":"bench: checkout latency above 2s on host-%d","source":"host-%d.bench",' ..
    '"severity":"critical","component":"checkout","group":"web","class":"latency",' ..
    '"custom_details":{"p99_ms":2150,"threshold_ms":2000}}}',
    secret, prefix, counter, counter % 50, counter % 50)
  return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. secret}, body)
end
