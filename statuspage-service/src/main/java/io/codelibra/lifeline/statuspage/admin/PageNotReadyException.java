package io.codelibra.lifeline.statuspage.admin;

/** The page's state is not (yet) held by this instance: it is restoring, or another instance is the writer. */
public class PageNotReadyException extends RuntimeException {

  public PageNotReadyException() {
    super("the status page is not loaded on this instance yet; try again shortly");
  }
}
