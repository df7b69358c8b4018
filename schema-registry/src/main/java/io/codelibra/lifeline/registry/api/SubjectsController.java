package io.codelibra.lifeline.registry.api;

import static io.codelibra.lifeline.registry.api.RegistryMediaTypes.DEFAULT_JSON;
import static io.codelibra.lifeline.registry.api.RegistryMediaTypes.JSON;
import static io.codelibra.lifeline.registry.api.RegistryMediaTypes.OCTET_STREAM;
import static io.codelibra.lifeline.registry.api.RegistryMediaTypes.V1_JSON;

import io.codelibra.lifeline.registry.api.Responses.SubjectSchema;
import io.codelibra.lifeline.registry.state.ParsedSchema;
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

/** {@code /subjects}: list subjects, look a schema up under a subject, delete a subject. */
@RestController
@RequestMapping(path = "/subjects", produces = {V1_JSON, DEFAULT_JSON, JSON})
public class SubjectsController {

  private final SchemaStore store;

  public SubjectsController(SchemaStore store) {
    this.store = store;
  }

  @GetMapping
  public List<String> subjects(@RequestParam(defaultValue = "false") boolean deleted,
      @RequestParam(defaultValue = "false") boolean deletedOnly,
      @RequestParam(required = false) String subjectPrefix) {
    return store.read(state -> state.subjects(Visibility.of(deleted, deletedOnly), subjectPrefix));
  }

  /** Look-up: the version of the subject holding this schema; 40401 / 40403 when there is none. */
  @PostMapping(path = "/{subject}", consumes = {V1_JSON, DEFAULT_JSON, JSON, OCTET_STREAM})
  public SubjectSchema lookUp(@PathVariable String subject, @RequestParam(defaultValue = "false") boolean deleted,
      @RequestBody(required = false) byte[] body) {
    ParsedSchema schema = RequestBodies.schema(body);
    return SubjectSchema.of(store.read(state -> state.requireLookup(subject, schema, deleted)));
  }

  /** Soft delete (the versions deleted), or with {@code permanent=true} hard delete of a soft-deleted subject. */
  @DeleteMapping("/{subject}")
  public List<Integer> delete(@PathVariable String subject, @RequestParam(defaultValue = "false") boolean permanent) {
    return store.deleteSubject(subject, permanent).versions();
  }
}
