package io.codelibra.lifeline.registry.api;

import static io.codelibra.lifeline.registry.api.RegistryMediaTypes.DEFAULT_JSON;
import static io.codelibra.lifeline.registry.api.RegistryMediaTypes.JSON;
import static io.codelibra.lifeline.registry.api.RegistryMediaTypes.OCTET_STREAM;
import static io.codelibra.lifeline.registry.api.RegistryMediaTypes.V1_JSON;

import io.codelibra.lifeline.registry.api.Responses.CompatibilityLevelConfig;
import io.codelibra.lifeline.registry.api.Responses.CompatibilityUpdate;
import io.codelibra.lifeline.registry.error.RegistryException;
import io.codelibra.lifeline.registry.state.RegistryState;
import io.codelibra.lifeline.registry.store.SchemaStore;
import io.codelibra.lifeline.schemas.compatibility.CompatibilityLevel;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /config}: the global compatibility level and each subject's own. */
@RestController
@RequestMapping(path = "/config", produces = {V1_JSON, DEFAULT_JSON, JSON})
public class ConfigController {

  private final SchemaStore store;

  public ConfigController(SchemaStore store) {
    this.store = store;
  }

  @GetMapping
  public CompatibilityLevelConfig global() {
    return new CompatibilityLevelConfig(store.read(RegistryState::globalLevel).name());
  }

  @PutMapping(consumes = {V1_JSON, DEFAULT_JSON, JSON, OCTET_STREAM})
  public CompatibilityUpdate setGlobal(@RequestBody(required = false) byte[] body) {
    CompatibilityLevel level = RequestBodies.compatibility(body);
    store.setCompatibility(null, level);
    return new CompatibilityUpdate(level.name());
  }

  /** Back to the configured default; answers the level in force before. */
  @DeleteMapping
  public CompatibilityLevelConfig clearGlobal() {
    return new CompatibilityLevelConfig(store.clearGlobalCompatibility().name());
  }

  /** The subject's own level; 40408 without one, unless {@code defaultToGlobal=true}. */
  @GetMapping("/{subject}")
  public CompatibilityLevelConfig subject(@PathVariable String subject,
      @RequestParam(defaultValue = "false") boolean defaultToGlobal) {
    CompatibilityLevel level = store.read(state -> defaultToGlobal
        ? state.effectiveLevel(subject)
        : state.subjectLevel(subject).orElseThrow(() -> RegistryException.subjectCompatibilityNotConfigured(subject)));
    return new CompatibilityLevelConfig(level.name());
  }

  @PutMapping(path = "/{subject}", consumes = {V1_JSON, DEFAULT_JSON, JSON, OCTET_STREAM})
  public CompatibilityUpdate setSubject(@PathVariable String subject, @RequestBody(required = false) byte[] body) {
    CompatibilityLevel level = RequestBodies.compatibility(body);
    store.setCompatibility(subject, level);
    return new CompatibilityUpdate(level.name());
  }

  /** Removes the subject's own level, so the global one applies again; answers the removed level. */
  @DeleteMapping("/{subject}")
  public CompatibilityLevelConfig clearSubject(@PathVariable String subject) {
    return new CompatibilityLevelConfig(store.clearSubjectCompatibility(subject).name());
  }
}
