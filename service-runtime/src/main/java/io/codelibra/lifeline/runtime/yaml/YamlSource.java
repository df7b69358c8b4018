package io.codelibra.lifeline.runtime.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** One YAML configuration file to load: the name its errors cite, and its text. */
public record YamlSource(String name, String content) {

  public YamlSource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(content, "content");
  }

  public static YamlSource of(String name, Reader reader) {
    try (reader) {
      StringWriter text = new StringWriter();
      reader.transferTo(text);
      return new YamlSource(name, text.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  /** A file on disk, named by its file name only so that errors stay short. */
  public static YamlSource of(Path path) {
    try {
      return new YamlSource(path.getFileName().toString(), Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  /** A classpath resource such as {@code escalation/policies.yml}, named by that path. */
  public static YamlSource fromClasspath(String resource) {
    try (InputStream in = YamlSource.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no classpath resource " + resource);
      }
      return new YamlSource(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read classpath resource " + resource, e);
    }
  }
}
