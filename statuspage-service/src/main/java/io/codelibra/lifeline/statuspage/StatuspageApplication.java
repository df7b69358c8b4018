package io.codelibra.lifeline.statuspage;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Status page service: components, status incidents and maintenance windows. */
@SpringBootApplication
public class StatuspageApplication {

  public static void main(String[] args) {
    SpringApplication.run(StatuspageApplication.class, args);
  }
}
