package io.codelibra.lifeline.failover;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Failover service: region health checks, the region state machine, failover and failback. */
@SpringBootApplication
public class FailoverApplication {

  public static void main(String[] args) {
    SpringApplication.run(FailoverApplication.class, args);
  }
}
