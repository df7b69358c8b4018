package io.codelibra.lifeline.deploy.cli;

import java.time.Duration;

/** Waiting between polls: {@link Thread#sleep(Duration)} in the launcher, a clock that moves in tests. */
@FunctionalInterface
public interface Pause {

  void pause(Duration duration) throws InterruptedException;
}
