package io.codelibra.lifeline.statuspage.publicpage;

/** The page's state is not restored yet (nothing published since start), so there is nothing to show. */
public class PageNotRestoredException extends RuntimeException {

  public PageNotRestoredException() {
    super("The status page is starting and has not restored its state yet. Retry in a second.");
  }
}
