package io.codelibra.lifeline.registry.api;

import static io.codelibra.lifeline.registry.api.RegistryMediaTypes.DEFAULT_JSON;
import static io.codelibra.lifeline.registry.api.RegistryMediaTypes.JSON;
import static io.codelibra.lifeline.registry.api.RegistryMediaTypes.V1_JSON;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /}: an empty object, which Confluent clients and load balancers use to see the registry is there. */
@RestController
public class RootController {

  @GetMapping(path = "/", produces = {V1_JSON, DEFAULT_JSON, JSON})
  public Map<String, Object> root() {
    return Map.of();
  }
}
