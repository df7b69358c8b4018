-- wrk script: one Alertmanager webhook (version 4) group of 100 firing alerts per request, each
-- alert with a fresh fingerprint. The integration's bearer token comes from BENCH_SECRET.
local secret = os.getenv("BENCH_SECRET")
local alerts_per_group = tonumber(os.getenv("BENCH_ALERTS_PER_GROUP") or "100")
local thread_id = 0
local group = 0

function setup(thread)
  thread_id = thread_id + 1
  thread:set("id", thread_id)
end

function init(args)
  math.randomseed(os.time() + (id or 0))
  prefix = string.format("wrk%d%d", id or 0, math.random(1, 1000000000))
end

request = function()
  group = group + 1
  local alerts = {}
  for i = 1, alerts_per_group do
    alerts[i] = string.format('{"status":"firing","labels":{"alertname":"HighLatency","severity":"warning",' ..
      '"instance":"host-%d:9100","job":"node","team":"payments"},"annotations":{"summary":"p99 latency above 2s ' ..
      'on host-%d","description":"p99 latency has been above 2s for 5 minutes."},' ..
      '"startsAt":"2026-11-24T10:00:00Z","endsAt":"0001-01-01T00:00:00Z",' ..
      '"generatorURL":"http://prometheus:9090/graph?g0.expr=latency","fingerprint":"%s-%d-%d"}',
      i, i, prefix, group, i)
  end
  local body = string.format('{"version":"4","groupKey":"{}:{alertname=\\"HighLatency\\"}-%s-%d",' ..
    '"truncatedAlerts":0,"status":"firing","receiver":"lifeline","groupLabels":{"alertname":"HighLatency"},' ..
    '"commonLabels":{"alertname":"HighLatency"},"commonAnnotations":{},"externalURL":"http://alertmanager:9093",' ..
    '"alerts":[%s]}', prefix, group, table.concat(alerts, ","))
  return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. secret}, body)
end
