package io.codelibra.lifeline.recovery.kubernetes;

import io.codelibra.lifeline.recovery.action.ActionFailedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The embedded local stack's stand-in for a cluster: Secrets and Deployments as JSON files under one directory,
 * {@code <namespace>/secrets/<name>.json} ({@code {key: base64 value}}) and {@code <namespace>/deployments/<name>.json}
 * (a {@link LocalDeployment}), each written to a temporary file and atomically moved into place. Rollouts complete at
 * once, but the files can be edited to show a stuck one. Nothing is created on demand: seed with {@link #seed} and
 * {@link #seedSecret}, as a cluster would already hold them.
 */
public final class LocalCluster implements KubernetesCluster {

  /** A DNS-1123 name, which also keeps a name from leaving the directory. */
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

  private final Path directory;
  private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  public LocalCluster(Path directory) {
    this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath();
  }

  public Path directory() {
    return directory;
  }

  /** Creates a Deployment at revision 1 with one replica, unless the file exists; returns its file. */
  public synchronized Path seed(String namespace, String deployment) {
    Path file = deploymentFile(namespace, deployment);
    if (!Files.exists(file)) {
      LocalDeployment.PodTemplate template = new LocalDeployment.PodTemplate(Map.of());
      write(file, new LocalDeployment(1, 1, Map.of(REVISION_ANNOTATION, "1"), template,
          List.of(new LocalDeployment.Revision(1, template)), LocalDeployment.Rollout.complete(1, 1)));
    }
    return file;
  }

  /** Creates a Secret with these (plain) values, unless the file exists; returns its file. */
  public synchronized Path seedSecret(String namespace, String secret, Map<String, String> values) {
    Path file = secretFile(namespace, secret);
    if (!Files.exists(file)) {
      Map<String, String> data = new TreeMap<>();
      values.forEach((k, v) -> data.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
      write(file, data);
    }
    return file;
  }

  /**
   * The demo application in {@code vibe-production}: {@code backend} and its Secret {@code backend-database}, and what
   * the shipped runbooks name ({@code vibe-backend}, {@code vibe-frontend}, Secret {@code vibe-secrets}).
   */
  public void seedDemo() {
    seed("vibe-production", "backend");
    seedSecret("vibe-production", "backend-database", Map.of("DATABASE_HOST", "backend-db.primary.lifeline.local"));
    seed("vibe-production", "vibe-backend");
    seed("vibe-production", "vibe-frontend");
    seedSecret("vibe-production", "vibe-secrets", Map.of("DATABASE_HOST", "vibe-postgres.primary.lifeline.local"));
  }

  @Override
  public synchronized SecretKeyState secretKey(String namespace, String secret, String key, String base64Value) {
    Path file = secretFile(namespace, secret);
    Map<String, String> data = readSecret(file, namespace, secret);
    return new SecretKeyState(base64Value.equals(data.get(key)), resourceVersion(file));
  }

  @Override
  public synchronized String putSecretKey(String namespace, String secret, String key, String base64Value) {
    Path file = secretFile(namespace, secret);
    Map<String, String> data = new TreeMap<>(readSecret(file, namespace, secret));
    data.put(key, base64Value);
    write(file, data);
    return resourceVersion(file);
  }

  @Override
  public synchronized DeploymentStatus deployment(String namespace, String name) {
    return read(namespace, name).status(namespace, name);
  }

  @Override
  public synchronized DeploymentStatus annotatePodTemplate(String namespace, String name,
      Map<String, String> annotations) {
    LocalDeployment current = read(namespace, name);
    Map<String, String> templateAnnotations = new TreeMap<>(current.template().annotations());
    templateAnnotations.putAll(annotations);
    LocalDeployment.PodTemplate template = new LocalDeployment.PodTemplate(templateAnnotations);
    LocalDeployment next = current.rolledOutTo(template, current.annotations());
    write(deploymentFile(namespace, name), next);
    return next.status(namespace, name);
  }

  @Override
  public synchronized List<Long> revisions(String namespace, String name) {
    return read(namespace, name).history().stream().map(LocalDeployment.Revision::revision).toList();
  }

  @Override
  public synchronized DeploymentStatus rollBack(String namespace, String name, long revision,
      Map<String, String> annotations) {
    LocalDeployment current = read(namespace, name);
    LocalDeployment.Revision target = current.history().stream().filter(r -> r.revision() == revision).findFirst()
        .orElseThrow(() -> new ActionFailedException("Deployment " + namespace + "/" + name + " has no revision "
            + revision, false));
    Map<String, String> deploymentAnnotations = new TreeMap<>(current.annotations());
    deploymentAnnotations.putAll(annotations);
    LocalDeployment next = current.rolledOutTo(target.template(), deploymentAnnotations);
    write(deploymentFile(namespace, name), next);
    return next.status(namespace, name);
  }

  private LocalDeployment read(String namespace, String name) {
    Path file = deploymentFile(namespace, name);
    try {
      return json.readValue(Files.readAllBytes(file), LocalDeployment.class);
    } catch (NoSuchFileException e) {
      throw new ActionFailedException("Deployment " + namespace + "/" + name + " not found (no " + file + ")", false);
    } catch (IOException e) {
      throw new ActionFailedException("cannot read " + file + ": " + e.getMessage(), true, e);
    } catch (JacksonException e) {
      throw new ActionFailedException(file + " is not a local Deployment: " + e.getOriginalMessage(), false);
    }
  }

  private Map<String, String> readSecret(Path file, String namespace, String secret) {
    try {
      Map<String, String> data = json.readValue(Files.readAllBytes(file), new TypeReference<Map<String, String>>() { });
      return data == null ? Map.of() : data;
    } catch (NoSuchFileException e) {
      throw new ActionFailedException("Secret " + namespace + "/" + secret + " not found (no " + file + ")", false);
    } catch (IOException e) {
      throw new ActionFailedException("cannot read " + file + ": " + e.getMessage(), true, e);
    } catch (JacksonException e) {
      // Not the parser's message: it may quote the file's content, i.e. a secret value.
      throw new ActionFailedException(file + " is not a JSON object of base64 strings", false);
    }
  }

  private void write(Path file, Object value) {
    try {
      Files.createDirectories(file.getParent());
      Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
      try {
        Files.write(temporary, json.writeValueAsBytes(value));
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static String resourceVersion(Path file) {
    try {
      return Long.toString(Files.getLastModifiedTime(file).toMillis());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stat " + file, e);
    }
  }

  private Path secretFile(String namespace, String secret) {
    return directory.resolve(checked("namespace", namespace)).resolve("secrets")
        .resolve(checked("secret", secret) + ".json");
  }

  private Path deploymentFile(String namespace, String deployment) {
    return directory.resolve(checked("namespace", namespace)).resolve("deployments")
        .resolve(checked("deployment", deployment) + ".json");
  }

  private static String checked(String what, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new ActionFailedException(what + " '" + name + "' is not a valid Kubernetes name", false);
    }
    return name;
  }

  /**
   * A local Deployment's file: spec, its annotations, the pod template, one template per revision, and the rollout's
   * status (complete after every change; edit it to simulate a stuck rollout).
   */
  record LocalDeployment(long generation, int replicas, Map<String, String> annotations, PodTemplate template,
      List<Revision> history, Rollout status) {

    LocalDeployment {
      annotations = annotations == null ? Map.of() : new TreeMap<>(annotations);
      template = template == null ? new PodTemplate(Map.of()) : template;
      history = history == null ? List.of() : List.copyOf(history);
      status = status == null ? Rollout.complete(generation, replicas) : status;
    }

    /**
     * As the Deployment controller does: the template becomes a new revision (one more than the newest) and leaves
     * the history under its old number, a new generation is observed at once and every replica is updated.
     */
    LocalDeployment rolledOutTo(PodTemplate next, Map<String, String> nextAnnotations) {
      long revision = history.stream().mapToLong(Revision::revision).max().orElse(0) + 1;
      List<Revision> nextHistory = new ArrayList<>(history.stream().filter(r -> !r.template().equals(next)).toList());
      nextHistory.add(new Revision(revision, next));
      nextHistory.sort(Comparator.comparingLong(Revision::revision));
      Map<String, String> annotated = new LinkedHashMap<>(nextAnnotations);
      annotated.put(REVISION_ANNOTATION, Long.toString(revision));
      return new LocalDeployment(generation + 1, replicas, annotated, next, nextHistory,
          Rollout.complete(generation + 1, replicas));
    }

    DeploymentStatus status(String namespace, String name) {
      return new DeploymentStatus(namespace, name, generation, status.observedGeneration(), replicas,
          status.replicas(), status.updatedReplicas(), status.availableReplicas(), status.readyReplicas(),
          annotations, template.annotations(), status.progressDeadlineExceeded());
    }

    /** A pod template; only its annotations matter locally. */
    record PodTemplate(Map<String, String> annotations) {

      PodTemplate {
        annotations = annotations == null ? Map.of() : new TreeMap<>(annotations);
      }
    }

    /** One entry of the rollout history, like a ReplicaSet's template and revision annotation. */
    record Revision(long revision, PodTemplate template) {
    }

    /** The Deployment's status counters; {@code progressDeadlineExceeded} is null unless the rollout stalled. */
    record Rollout(long observedGeneration, int replicas, int updatedReplicas, int availableReplicas,
        int readyReplicas, String progressDeadlineExceeded) {

      static Rollout complete(long generation, int replicas) {
        return new Rollout(generation, replicas, replicas, replicas, replicas, null);
      }
    }
  }
}
