package io.codelibra.lifeline.registry.api;

import static io.codelibra.lifeline.registry.api.RegistryMediaTypes.DEFAULT_JSON;
import static io.codelibra.lifeline.registry.api.RegistryMediaTypes.JSON;
import static io.codelibra.lifeline.registry.api.RegistryMediaTypes.OCTET_STREAM;
import static io.codelibra.lifeline.registry.api.RegistryMediaTypes.V1_JSON;

import io.codelibra.lifeline.registry.api.Responses.CompatibilityCheck;
import io.codelibra.lifeline.registry.state.ParsedSchema;
import io.codelibra.lifeline.registry.state.VersionRef;
import io.codelibra.lifeline.registry.store.SchemaStore;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /compatibility}: would a schema be accepted? Against one version (or "latest") the subject's
 * level is applied to that version only; without a version, to the versions the level looks at
 * (the latest, or all of them for the transitive levels). A subject without versions accepts anything.
 */
@RestController
@RequestMapping(path = "/compatibility/subjects/{subject}/versions", produces = {V1_JSON, DEFAULT_JSON, JSON},
    consumes = {V1_JSON, DEFAULT_JSON, JSON, OCTET_STREAM})
public class CompatibilityController {

  private final SchemaStore store;

  public CompatibilityController(SchemaStore store) {
    this.store = store;
  }

  @PostMapping("/{version}")
  public CompatibilityCheck againstVersion(@PathVariable String subject, @PathVariable String version,
      @RequestParam(defaultValue = "false") boolean verbose, @RequestBody(required = false) byte[] body) {
    VersionRef ref = VersionRef.parse(version);
    ParsedSchema schema = RequestBodies.schema(body);
    return answer(store.read(state -> state.checkCompatibility(subject, schema, ref)), verbose);
  }

  @PostMapping
  public CompatibilityCheck againstLevel(@PathVariable String subject,
      @RequestParam(defaultValue = "false") boolean verbose, @RequestBody(required = false) byte[] body) {
    ParsedSchema schema = RequestBodies.schema(body);
    return answer(store.read(state -> state.checkCompatibility(subject, schema, null)), verbose);
  }

  private static CompatibilityCheck answer(List<String> violations, boolean verbose) {
    return new CompatibilityCheck(violations.isEmpty(), verbose ? violations : null);
  }
}
