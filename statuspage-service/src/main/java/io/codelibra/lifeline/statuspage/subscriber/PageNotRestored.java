package io.codelibra.lifeline.statuspage.subscriber;

/**
 * The page's state was not restored in time to know who to tell: thrown to the binder, which retries the record
 * rather than skipping its subscribers.
 */
public class PageNotRestored extends RuntimeException {

  PageNotRestored(String message) {
    super(message);
  }
}
