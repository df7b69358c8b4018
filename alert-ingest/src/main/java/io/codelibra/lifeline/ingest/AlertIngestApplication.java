package io.codelibra.lifeline.ingest;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Alert intake: turns every outside alarm into normalised alert events on the {@code alerts} topic. */
@SpringBootApplication
public class AlertIngestApplication {

  public static void main(String[] args) {
    SpringApplication.run(AlertIngestApplication.class, args);
  }
}
