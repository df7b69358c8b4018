package io.codelibra.lifeline.recovery.aws;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The recovery actions' AWS SDK v2 clients, one per service and region, built alike (JDK URL-connection HTTP client,
 * the default credentials provider chain, the endpoint override if any), reused across calls and closed together.
 */
public final class RecoveryAwsClients implements AutoCloseable {

  private record Key(Class<?> type, Region region) {
  }

  private final URI endpointOverride;
  private final AwsCredentialsProvider givenCredentials;
  private final RetryStrategy retryStrategy;
  private final Map<Key, SdkClient> built = new LinkedHashMap<>();
  // Created with the first client, so a context that never runs an action never looks for credentials.
  private DefaultCredentialsProvider defaultCredentials;
  private boolean closed;

  /** {@code endpointOverride}: one endpoint for every client (LocalStack, tests); {@code null} for AWS's own. */
  public RecoveryAwsClients(URI endpointOverride) {
    this(endpointOverride, null, null);
  }

  /**
   * With fixed credentials and retry strategy instead of the default chain and the SDK's standard retries
   * ({@code null}: those defaults), for tests and local stacks.
   */
  public RecoveryAwsClients(URI endpointOverride, AwsCredentialsProvider credentials, RetryStrategy retryStrategy) {
    this.endpointOverride = endpointOverride;
    this.givenCredentials = credentials;
    this.retryStrategy = retryStrategy;
  }

  public RdsClient rds(Region region) {
    return client(RdsClient.class, region, RdsClient::builder);
  }

  public ElastiCacheClient elastiCache(Region region) {
    return client(ElastiCacheClient.class, region, ElastiCacheClient::builder);
  }

  public S3Client s3(Region region) {
    // An endpoint override (LocalStack, tests) has no per-bucket host names: address buckets by path.
    return client(S3Client.class, region, () -> S3Client.builder().forcePathStyle(endpointOverride != null));
  }

  private synchronized <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient> C client(
      Class<C> type, Region region, java.util.function.Supplier<B> builder) {
    if (closed) {
      throw new IllegalStateException("the AWS clients are closed");
    }
    SdkClient existing = built.get(new Key(type, region));
    if (existing != null) {
      return type.cast(existing);
    }
    B configured = builder.get()
        .region(region)
        .credentialsProvider(credentials())
        // A builder, not a built client: the SDK client then owns its HTTP client and closes it with itself.
        .httpClientBuilder(UrlConnectionHttpClient.builder());
    if (endpointOverride != null) {
      configured.endpointOverride(endpointOverride);
    }
    if (retryStrategy != null) {
      configured.overrideConfiguration(o -> o.retryStrategy(retryStrategy));
    }
    C client = configured.build();
    built.put(new Key(type, region), client);
    return client;
  }

  private AwsCredentialsProvider credentials() {
    if (givenCredentials != null) {
      return givenCredentials;
    }
    if (defaultCredentials == null) {
      defaultCredentials = DefaultCredentialsProvider.builder().build();
    }
    return defaultCredentials;
  }

  /** Closes the clients in reverse order of creation, then the default credentials provider they shared. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    RuntimeException failure = null;
    for (SdkAutoCloseable client : built.values().stream().map(SdkAutoCloseable.class::cast).toList().reversed()) {
      try {
        client.close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    built.clear();
    if (defaultCredentials != null) {
      defaultCredentials.close();
    }
    if (failure != null) {
      throw failure;
    }
  }
}
