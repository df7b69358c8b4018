package io.codelibra.lifeline.statuspage.template;

/** A template that does not exist, has no text for a status, or cannot be rendered with the given variables. */
public class TemplateException extends RuntimeException {

  public TemplateException(String message) {
    super(message);
  }

  public TemplateException(String message, Throwable cause) {
    super(message, cause);
  }
}
