package io.codelibra.lifeline.escalation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Escalation service: incidents, escalation policies, on-call schedules and notifications. */
@SpringBootApplication
public class EscalationApplication {

  public static void main(String[] args) {
    SpringApplication.run(EscalationApplication.class, args);
  }
}
