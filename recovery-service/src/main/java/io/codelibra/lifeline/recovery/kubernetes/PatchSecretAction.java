package io.codelibra.lifeline.recovery.kubernetes;

import io.codelibra.lifeline.recovery.action.ActionCall;
import io.codelibra.lifeline.recovery.action.ActionResult;
import io.codelibra.lifeline.recovery.action.RecoveryAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * {@code k8s.patch-secret}: sets one key of an existing Secret (its base64 {@code data}), e.g. the database endpoint
 * after a regional failover. Idempotent: nothing is written when the key already holds the value. The value is a
 * secret: it appears in no output, plan, message or log.
 */
public final class PatchSecretAction implements RecoveryAction {

  private final KubernetesCluster cluster;

  public PatchSecretAction(KubernetesCluster cluster) {
    this.cluster = cluster;
  }

  @Override
  public String name() {
    return "k8s.patch-secret";
  }

  @Override
  public Set<String> requiredParameters() {
    return Set.of("namespace", "secret", "key", "value");
  }

  @Override
  public String plan(ActionCall call) {
    return "set key " + call.required("key") + " of Secret " + call.required("namespace") + "/"
        + call.required("secret") + " (value not shown), unless it already holds it";
  }

  @Override
  public ActionResult execute(ActionCall call) {
    String namespace = call.required("namespace");
    String secret = call.required("secret");
    String key = call.required("key");
    // Not call.required(): that strips, and a secret value is taken exactly as given.
    String value = call.parameters().get("value");
    if (value == null || value.isEmpty()) {
      call.required("value");
    }
    String base64 = Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    KubernetesCluster.SecretKeyState state = cluster.secretKey(namespace, secret, key, base64);
    String resourceVersion;
    String detail;
    if (state.holdsValue()) {
      resourceVersion = state.resourceVersion();
      detail = "Secret " + namespace + "/" + secret + " key " + key + " already holds the value; not written";
    } else {
      resourceVersion = cluster.putSecretKey(namespace, secret, key, base64);
      detail = "set key " + key + " of Secret " + namespace + "/" + secret + " (resource version " + resourceVersion
          + ")";
    }
    return new ActionResult(Map.of("secret", secret, "key", key, "resource-version", resourceVersion), detail);
  }
}
