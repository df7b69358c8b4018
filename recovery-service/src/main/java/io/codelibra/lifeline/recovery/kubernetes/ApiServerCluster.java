package io.codelibra.lifeline.recovery.kubernetes;

import io.codelibra.lifeline.recovery.action.ActionFailedException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.RollableScalableResource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The {@code k8s.*} actions' operations on a real API server through the fabric8 client, with the patches kubectl
 * sends: a JSON merge patch for a Secret key, a strategic merge patch for pod template annotations, and kubectl's JSON
 * patch (template and annotations replaced) for a rollback.
 */
public final class ApiServerCluster implements KubernetesCluster {

  // Deployment annotations kubectl rollout undo keeps from the Deployment rather than taking from the ReplicaSet.
  private static final Set<String> ANNOTATIONS_KEPT_ON_UNDO = Set.of(
      "kubectl.kubernetes.io/last-applied-configuration", REVISION_ANNOTATION,
      "deployment.kubernetes.io/revision-history", "deployment.kubernetes.io/desired-replicas",
      "deployment.kubernetes.io/max-replicas", "deprecated.deployment.rollback.to");
  private static final String POD_TEMPLATE_HASH = "pod-template-hash";

  private final KubernetesClient client;

  public ApiServerCluster(KubernetesClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  @Override
  public SecretKeyState secretKey(String namespace, String secret, String key, String base64Value) {
    Secret found = call("get Secret " + namespace + "/" + secret,
        () -> client.secrets().inNamespace(namespace).withName(secret).get());
    if (found == null) {
      throw notFound("Secret", namespace, secret);
    }
    String current = found.getData() == null ? null : found.getData().get(key);
    return new SecretKeyState(base64Value.equals(current), found.getMetadata().getResourceVersion());
  }

  @Override
  public String putSecretKey(String namespace, String secret, String key, String base64Value) {
    String patch = json(Map.of("data", Map.of(key, base64Value)));
    Secret patched = call("patch Secret " + namespace + "/" + secret,
        () -> client.secrets().inNamespace(namespace).withName(secret)
            .patch(PatchContext.of(PatchType.JSON_MERGE), patch));
    return patched.getMetadata().getResourceVersion();
  }

  @Override
  public io.codelibra.lifeline.recovery.kubernetes.DeploymentStatus deployment(String namespace, String name) {
    return status(get(namespace, name));
  }

  @Override
  public io.codelibra.lifeline.recovery.kubernetes.DeploymentStatus annotatePodTemplate(String namespace, String name,
      Map<String, String> annotations) {
    String patch = json(Map.of("spec", Map.of("template", Map.of("metadata", Map.of("annotations", annotations)))));
    Deployment patched = call("patch Deployment " + namespace + "/" + name,
        () -> deployments(namespace, name).patch(PatchContext.of(PatchType.STRATEGIC_MERGE), patch));
    return status(patched);
  }

  @Override
  public List<Long> revisions(String namespace, String name) {
    return replicaSets(get(namespace, name)).stream()
        .map(ApiServerCluster::revision)
        .flatMap(Optional::stream)
        .distinct()
        .toList();
  }

  @Override
  public io.codelibra.lifeline.recovery.kubernetes.DeploymentStatus rollBack(String namespace, String name,
      long revision, Map<String, String> annotations) {
    Deployment deployment = get(namespace, name);
    ReplicaSet replicaSet = replicaSets(deployment).stream()
        .filter(rs -> revision(rs).filter(r -> r == revision).isPresent())
        .findFirst()
        .orElseThrow(() -> new ActionFailedException("Deployment " + namespace + "/" + name
            + " has no ReplicaSet of revision " + revision, false));
    PodTemplateSpec template = new PodTemplateSpecBuilder(replicaSet.getSpec().getTemplate()).build();
    if (template.getMetadata() != null && template.getMetadata().getLabels() != null) {
      Map<String, String> labels = new LinkedHashMap<>(template.getMetadata().getLabels());
      labels.remove(POD_TEMPLATE_HASH);
      template.getMetadata().setLabels(labels);
    }
    Map<String, String> deploymentAnnotations = new LinkedHashMap<>();
    annotationsOf(deployment).forEach((k, v) -> {
      if (ANNOTATIONS_KEPT_ON_UNDO.contains(k)) {
        deploymentAnnotations.put(k, v);
      }
    });
    annotationsOf(replicaSet).forEach((k, v) -> {
      if (!ANNOTATIONS_KEPT_ON_UNDO.contains(k)) {
        deploymentAnnotations.put(k, v);
      }
    });
    deploymentAnnotations.putAll(annotations);
    String patch = json(List.of(
        Map.of("op", "replace", "path", "/spec/template", "value", template),
        Map.of("op", "replace", "path", "/metadata/annotations", "value", deploymentAnnotations)));
    Deployment patched = call("roll back Deployment " + namespace + "/" + name,
        () -> deployments(namespace, name).patch(PatchContext.of(PatchType.JSON), patch));
    return status(patched);
  }

  private Deployment get(String namespace, String name) {
    Deployment deployment = call("get Deployment " + namespace + "/" + name,
        () -> deployments(namespace, name).get());
    if (deployment == null) {
      throw notFound("Deployment", namespace, name);
    }
    return deployment;
  }

  private RollableScalableResource<Deployment> deployments(String namespace, String name) {
    return client.apps().deployments().inNamespace(namespace).withName(name);
  }

  /** The ReplicaSets the Deployment controls: selected by its selector and owned by its uid. */
  private List<ReplicaSet> replicaSets(Deployment deployment) {
    String namespace = deployment.getMetadata().getNamespace();
    String uid = deployment.getMetadata().getUid();
    List<ReplicaSet> selected = call("list ReplicaSets of Deployment " + namespace + "/"
        + deployment.getMetadata().getName(), () -> client.apps().replicaSets().inNamespace(namespace)
        .withLabelSelector(deployment.getSpec().getSelector()).list().getItems());
    return selected.stream()
        .filter(rs -> rs.getMetadata().getOwnerReferences() != null && rs.getMetadata().getOwnerReferences().stream()
            .map(OwnerReference::getUid).anyMatch(owner -> Objects.equals(uid, owner)))
        .toList();
  }

  private static Optional<Long> revision(HasMetadata resource) {
    String value = annotationsOf(resource).get(REVISION_ANNOTATION);
    try {
      return value == null ? Optional.empty() : Optional.of(Long.parseLong(value));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Map<String, String> annotationsOf(HasMetadata resource) {
    ObjectMeta metadata = resource.getMetadata();
    return metadata == null || metadata.getAnnotations() == null ? Map.of() : metadata.getAnnotations();
  }

  private static io.codelibra.lifeline.recovery.kubernetes.DeploymentStatus status(Deployment deployment) {
    ObjectMeta metadata = deployment.getMetadata();
    DeploymentStatus status = deployment.getStatus() == null ? new DeploymentStatus() : deployment.getStatus();
    PodTemplateSpec template = deployment.getSpec().getTemplate();
    Map<String, String> templateAnnotations = template == null || template.getMetadata() == null
        ? Map.of() : template.getMetadata().getAnnotations();
    String stalled = status.getConditions() == null ? null : status.getConditions().stream()
        .filter(c -> "Progressing".equals(c.getType()) && "ProgressDeadlineExceeded".equals(c.getReason()))
        .map(DeploymentCondition::getMessage)
        .map(message -> message == null ? "ProgressDeadlineExceeded" : message)
        .findFirst().orElse(null);
    return new io.codelibra.lifeline.recovery.kubernetes.DeploymentStatus(metadata.getNamespace(), metadata.getName(),
        orZero(metadata.getGeneration()), orZero(status.getObservedGeneration()),
        deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas(),
        orZero(status.getReplicas()), orZero(status.getUpdatedReplicas()), orZero(status.getAvailableReplicas()),
        orZero(status.getReadyReplicas()), metadata.getAnnotations(), templateAnnotations, stalled);
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }

  private String json(Object value) {
    return client.getKubernetesSerialization().asJson(value);
  }

  private static ActionFailedException notFound(String kind, String namespace, String name) {
    return new ActionFailedException(kind + " " + namespace + "/" + name + " not found", false);
  }

  /**
   * Runs one API call; a failure says what was attempted and the API server's status (never a request body, which may
   * hold a secret value). Conflicts, throttling, server errors and lost connections may pass: retryable.
   */
  private static <T> T call(String what, Supplier<T> request) {
    try {
      return request.get();
    } catch (KubernetesClientException e) {
      int code = e.getCode();
      boolean retryable = code == 0 || code == 409 || code == 429 || code >= 500;
      String reason = e.getStatus() != null && e.getStatus().getMessage() != null
          ? e.getStatus().getMessage() : (code == 0 ? "no answer from the API server" : "HTTP " + code);
      if (code == 404) {
        throw new ActionFailedException("cannot " + what + ": not found", false, e);
      }
      throw new ActionFailedException("cannot " + what + " (" + (code == 0 ? "connection" : "HTTP " + code) + "): "
          + reason, retryable, e);
    }
  }
}
