package io.codelibra.lifeline.failover.aws;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Builds the failover adapters' AWS SDK v2 clients, all alike (JDK URL-connection HTTP client, the default credentials
 * provider chain, the configured endpoint override if any), and closes every client it built when the context closes.
 */
public final class AwsClients implements AutoCloseable {

  private final URI endpointOverride;
  private final List<SdkAutoCloseable> built = new ArrayList<>();
  // Created with the first client, so a context that builds none (local mode) never starts looking for credentials.
  private DefaultCredentialsProvider credentials;
  private boolean closed;

  /** {@code endpointOverride}: one endpoint for every client (LocalStack, tests); {@code null} for AWS's own. */
  public AwsClients(URI endpointOverride) {
    this.endpointOverride = endpointOverride;
  }

  /** A client for {@code region} at the endpoint override, or at AWS's endpoint for that region when none is set. */
  public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient> C build(B builder,
      Region region) {
    return build(builder, region, endpointOverride);
  }

  /** A client for {@code region} at {@code endpoint} ({@code null}: AWS's endpoint for the region). */
  public synchronized <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient> C build(
      B builder, Region region, URI endpoint) {
    if (closed) {
      throw new IllegalStateException("the AWS clients are closed");
    }
    if (credentials == null) {
      credentials = DefaultCredentialsProvider.builder().build();
    }
    builder.region(region)
        .credentialsProvider(credentials)
        // A builder, not a built client: the SDK client then owns its HTTP client and closes it with itself.
        .httpClientBuilder(UrlConnectionHttpClient.builder());
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return manage(builder.build());
  }

  /** Adds a client to those closed with this. */
  synchronized <C extends SdkAutoCloseable> C manage(C client) {
    built.add(client);
    return client;
  }

  /** Closes the clients in reverse order of creation, then the credentials provider they shared. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    RuntimeException failure = null;
    for (SdkAutoCloseable client : built.reversed()) {
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
    if (credentials != null) {
      credentials.close();
    }
    if (failure != null) {
      throw failure;
    }
  }
}
