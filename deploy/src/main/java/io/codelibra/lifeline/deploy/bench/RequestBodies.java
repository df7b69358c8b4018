package io.codelibra.lifeline.deploy.bench;

import java.util.concurrent.atomic.AtomicLong;

/** The bodies the load driver sends: each request's alerts have fresh dedup keys, as real traffic does. */
enum RequestBodies {
  /** One PagerDuty Events API v2 trigger. */
  PAGERDUTY {
    @Override
    String next(String secret, int alertsPerRequest) {
      long n = SEQUENCE.incrementAndGet();
      return """
          {"routing_key":"%s","event_action":"trigger","dedup_key":"bench-pd-%d",
           "payload":{"summary":"bench: checkout latency above 2s on host-%d","source":"host-%d.bench",
           "severity":"critical","component":"checkout","group":"web","class":"latency",
           "custom_details":{"p99_ms":2150,"threshold_ms":2000}}}"""
          .formatted(secret, n, n % 50, n % 50);
    }
  },
  /** One Alertmanager webhook (version 4) group of alerts. */
  ALERTMANAGER {
    @Override
    String next(String secret, int alertsPerRequest) {
      long group = SEQUENCE.incrementAndGet();
      StringBuilder alerts = new StringBuilder();
      for (int i = 0; i < alertsPerRequest; i++) {
        if (i > 0) {
          alerts.append(',');
        }
        alerts.append("""
            {"status":"firing","labels":{"alertname":"HighLatency","severity":"warning","instance":"host-%d:9100",
            "job":"node","team":"payments"},"annotations":{"summary":"p99 latency above 2s on host-%d",
            "description":"p99 latency has been above 2s for 5 minutes."},"startsAt":"2026-11-24T10:00:00Z",
            "endsAt":"0001-01-01T00:00:00Z","generatorURL":"http://prometheus:9090/graph?g0.expr=latency",
            "fingerprint":"bench%d-%d"}""".formatted(i, i, group, i));
      }
      return """
          {"version":"4","groupKey":"{}:{alertname=\\"HighLatency\\"}-%d","truncatedAlerts":0,"status":"firing",
           "receiver":"lifeline","groupLabels":{"alertname":"HighLatency"},"commonLabels":{"alertname":"HighLatency"},
           "commonAnnotations":{},"externalURL":"http://alertmanager:9093","alerts":[%s]}"""
          .formatted(group, alerts);
    }
  };

  private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis());

  abstract String next(String secret, int alertsPerRequest);
}
