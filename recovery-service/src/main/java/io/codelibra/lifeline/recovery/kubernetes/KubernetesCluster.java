package io.codelibra.lifeline.recovery.kubernetes;

import java.util.List;
import java.util.Map;

/**
 * The few Kubernetes operations the {@code k8s.*} actions need: a real API server ({@link ApiServerCluster}) or the
 * local stack's files ({@link LocalCluster}). A missing Secret or Deployment fails with a not-retryable
 * {@link io.codelibra.lifeline.recovery.action.ActionFailedException}, as the API server's 404 would.
 */
public interface KubernetesCluster {

  /** Annotation on a Deployment (and its ReplicaSets) holding its rollout revision. */
  String REVISION_ANNOTATION = "deployment.kubernetes.io/revision";

  /**
   * Whether one key of a Secret already holds {@code base64Value}; the value read is compared here and never returned,
   * so it cannot leak into outputs or logs.
   */
  SecretKeyState secretKey(String namespace, String secret, String key, String base64Value);

  /** Sets one key of an existing Secret's {@code data}; returns the Secret's new resource version. */
  String putSecretKey(String namespace, String secret, String key, String base64Value);

  DeploymentStatus deployment(String namespace, String name);

  /** Adds (or replaces) annotations of the Deployment's pod template, which starts a rollout. */
  DeploymentStatus annotatePodTemplate(String namespace, String name, Map<String, String> annotations);

  /** The revisions in the Deployment's rollout history (its ReplicaSets), in no particular order. */
  List<Long> revisions(String namespace, String name);

  /**
   * Puts the pod template of {@code revision} back into the Deployment, as {@code kubectl rollout undo} does, and adds
   * {@code annotations} to the Deployment's own metadata.
   */
  DeploymentStatus rollBack(String namespace, String name, long revision, Map<String, String> annotations);

  /** Whether a Secret's key holds the expected value, and the Secret's resource version. */
  record SecretKeyState(boolean holdsValue, String resourceVersion) {
  }
}
