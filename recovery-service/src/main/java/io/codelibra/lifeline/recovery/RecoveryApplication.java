package io.codelibra.lifeline.recovery;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Recovery service: runbooks as code, automated recovery, backup drills, RTO/RPO. */
@SpringBootApplication
public class RecoveryApplication {

  public static void main(String[] args) {
    SpringApplication.run(RecoveryApplication.class, args);
  }
}
