package io.codelibra.lifeline.registry.api;

import static io.codelibra.lifeline.registry.api.RegistryMediaTypes.DEFAULT_JSON;
import static io.codelibra.lifeline.registry.api.RegistryMediaTypes.JSON;
import static io.codelibra.lifeline.registry.api.RegistryMediaTypes.OCTET_STREAM;
import static io.codelibra.lifeline.registry.api.RegistryMediaTypes.V1_JSON;

import io.codelibra.lifeline.registry.api.Responses.RegisteredId;
import io.codelibra.lifeline.registry.api.Responses.SubjectSchema;
import io.codelibra.lifeline.registry.state.ParsedSchema;
import io.codelibra.lifeline.registry.state.SchemaEntry;
import io.codelibra.lifeline.registry.state.VersionRef;
import io.codelibra.lifeline.registry.state.Visibility;
import io.codelibra.lifeline.registry.store.SchemaStore;
import java.util.List;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /subjects/{subject}/versions}: register, list, fetch and delete the versions of a subject. */
@RestController
@RequestMapping(path = "/subjects/{subject}/versions", produces = {V1_JSON, DEFAULT_JSON, JSON})
public class SubjectVersionsController {

  private final SchemaStore store;

  public SubjectVersionsController(SchemaStore store) {
    this.store = store;
  }

  /** Registers the schema; the same schema again answers its existing id, under another subject its same global id. */
  @PostMapping(consumes = {V1_JSON, DEFAULT_JSON, JSON, OCTET_STREAM})
  public RegisteredId register(@PathVariable String subject, @RequestBody(required = false) byte[] body) {
    ParsedSchema schema = RequestBodies.schema(body);
    return new RegisteredId(store.register(subject, schema));
  }

  @GetMapping
  public List<Integer> versions(@PathVariable String subject, @RequestParam(defaultValue = "false") boolean deleted,
      @RequestParam(defaultValue = "false") boolean deletedOnly) {
    return store.read(state -> state.requireVersions(subject, Visibility.of(deleted, deletedOnly))).stream()
        .map(SchemaEntry::version)
        .toList();
  }

  @GetMapping("/{version}")
  public SubjectSchema version(@PathVariable String subject, @PathVariable String version,
      @RequestParam(defaultValue = "false") boolean deleted) {
    return SubjectSchema.of(find(subject, version, deleted));
  }

  /** The schema text alone, unescaped. */
  @GetMapping("/{version}/schema")
  public String schemaText(@PathVariable String subject, @PathVariable String version,
      @RequestParam(defaultValue = "false") boolean deleted) {
    return find(subject, version, deleted).schema();
  }

  /** Schema references are not supported, so nothing ever references a version. */
  @GetMapping("/{version}/referencedby")
  public List<Integer> referencedBy(@PathVariable String subject, @PathVariable String version) {
    find(subject, version, true);
    return List.of();
  }

  /** Soft delete of one version, or with {@code permanent=true} hard delete of a soft-deleted one; answers the version. */
  @DeleteMapping("/{version}")
  public int delete(@PathVariable String subject, @PathVariable String version,
      @RequestParam(defaultValue = "false") boolean permanent) {
    return store.deleteVersion(subject, VersionRef.parse(version), permanent).versions().getFirst();
  }

  private SchemaEntry find(String subject, String version, boolean deleted) {
    VersionRef ref = VersionRef.parse(version);
    return store.read(state -> state.requireVersion(subject, ref, deleted));
  }
}
