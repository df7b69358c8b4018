package io.codelibra.lifeline.statuspage.page;

/** This instance holds no page: it is restoring its state on start, or another instance is the page's writer. */
public class PageNotRestoredException extends RuntimeException {

  public PageNotRestoredException() {
    super("The status page is not loaded on this instance yet (it is starting, or another instance holds it). Retry in a second.");
  }
}
