package io.codelibra.lifeline.statuspage.subscription;

import org.springframework.web.util.HtmlUtils;

/** The small HTML pages of the subscription flow: every value escaped, forms that POST (mail scanners only GET). */
final class SubscriptionPages {

  private SubscriptionPages() {
  }

  static String message(String pageName, String title, String text) {
    return page(pageName, title, "<p>" + escape(text) + "</p>");
  }

  /** A page with one button that POSTs the token back: a GET alone (a link scanner) changes nothing. */
  static String confirmForm(String pageName, String title, String text, String action, String token, String button) {
    return page(pageName, title, "<p>" + escape(text) + "</p>\n<form method=\"post\" action=\"" + escape(action) + "\">"
        + "<input type=\"hidden\" name=\"token\" value=\"" + escape(token) + "\"><button type=\"submit\">" + escape(button)
        + "</button></form>");
  }

  private static String page(String pageName, String title, String body) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
        + "content=\"width=device-width, initial-scale=1\"><title>" + escape(title) + " - " + escape(pageName) + "</title>"
        + "<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1f2933}"
        + "button{font-size:1rem;padding:.5rem 1.25rem}</style></head>\n<body><main><h1>" + escape(title) + "</h1>\n" + body
        + "\n<p><a href=\"/\">Back to " + escape(pageName) + "</a></p></main></body></html>\n";
  }

  private static String escape(String text) {
    return HtmlUtils.htmlEscape(text == null ? "" : text);
  }
}
