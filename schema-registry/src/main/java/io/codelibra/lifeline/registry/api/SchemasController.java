package io.codelibra.lifeline.registry.api;

import static io.codelibra.lifeline.registry.api.RegistryMediaTypes.DEFAULT_JSON;
import static io.codelibra.lifeline.registry.api.RegistryMediaTypes.JSON;
import static io.codelibra.lifeline.registry.api.RegistryMediaTypes.V1_JSON;

import io.codelibra.lifeline.registry.api.Responses.SchemaString;
import io.codelibra.lifeline.registry.api.Responses.SubjectVersion;
import io.codelibra.lifeline.registry.state.ParsedSchema;
import io.codelibra.lifeline.registry.state.SchemaEntry;
import io.codelibra.lifeline.registry.store.SchemaStore;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /schemas}: schemas by global id, and the schema types this registry speaks. */
@RestController
@RequestMapping(path = "/schemas", produces = {V1_JSON, DEFAULT_JSON, JSON})
public class SchemasController {

  private final SchemaStore store;

  public SchemasController(SchemaStore store) {
    this.store = store;
  }

  @GetMapping("/types")
  public List<String> types() {
    return List.of(ParsedSchema.AVRO);
  }

  /** {@code {"schema": "..."}}; the schema type is left out, as Confluent does for Avro. */
  @GetMapping("/ids/{id}")
  public SchemaString byId(@PathVariable int id) {
    return new SchemaString(store.read(state -> state.requireSchema(id)));
  }

  @GetMapping("/ids/{id}/schema")
  public String schemaText(@PathVariable int id) {
    return store.read(state -> state.requireSchema(id));
  }

  @GetMapping("/ids/{id}/versions")
  public List<SubjectVersion> versions(@PathVariable int id, @RequestParam(defaultValue = "false") boolean deleted) {
    return store.read(state -> state.requireEntriesWithId(id, deleted)).stream().map(SubjectVersion::of).toList();
  }

  @GetMapping("/ids/{id}/subjects")
  public List<String> subjects(@PathVariable int id, @RequestParam(defaultValue = "false") boolean deleted) {
    return store.read(state -> state.requireEntriesWithId(id, deleted)).stream()
        .map(SchemaEntry::subject)
        .distinct()
        .toList();
  }
}
