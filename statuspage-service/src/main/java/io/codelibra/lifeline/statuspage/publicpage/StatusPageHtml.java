package io.codelibra.lifeline.statuspage.publicpage;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Renders the public HTML page from {@code templates/statuspage/index.html.mustache} (and its partials), compiled
 * once. HTML escaping is on, so every text from the page's data is shown as text; the page needs no JavaScript.
 */
public final class StatusPageHtml {

  private static final String TEMPLATES = "templates/statuspage/";

  private final Template page;

  public StatusPageHtml() {
    Mustache.Compiler compiler = Mustache.compiler()
        .escapeHTML(true)
        .emptyStringIsFalse(true)
        .withLoader(name -> new StringReader(load(name + ".mustache")));
    this.page = compiler.compile(load("index.html.mustache"));
  }

  public byte[] render(StatusPageView view) {
    return page.execute(view).getBytes(StandardCharsets.UTF_8);
  }

  private static String load(String name) {
    try (InputStream in = StatusPageHtml.class.getClassLoader().getResourceAsStream(TEMPLATES + name)) {
      if (in == null) {
        throw new IllegalStateException("no template " + TEMPLATES + name + " on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read template " + TEMPLATES + name, e);
    }
  }
}
