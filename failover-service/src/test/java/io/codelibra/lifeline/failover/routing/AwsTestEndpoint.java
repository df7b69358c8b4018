package io.codelibra.lifeline.failover.routing;

import io.codelibra.lifeline.testing.http.RecordingHttpServer;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;

/** Points real AWS SDK v2 clients at a local recording endpoint, with fake static credentials and no retries. */
public final class AwsTestEndpoint {

  public static final StaticCredentialsProvider FAKE_CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLIFELINETEST", "lifeline-test-secret"));

  private AwsTestEndpoint() {
  }

  public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C> & SdkClientBuilder<B, C>, C> C client(
      B builder, RecordingHttpServer server, Region region) {
    return builder.region(region)
        .endpointOverride(server.url(""))
        .credentialsProvider(FAKE_CREDENTIALS)
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(o -> o.retryStrategy(DefaultRetryStrategy.doNotRetry()))
        .build();
  }

  public static Document xml(String text) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(false);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  public static String text(Document document, String tag) {
    var nodes = document.getElementsByTagName(tag);
    if (nodes.getLength() != 1) {
      throw new AssertionError("expected one <" + tag + "> but found " + nodes.getLength());
    }
    return nodes.item(0).getTextContent();
  }

  public static Map<String, String> form(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int equals = pair.indexOf('=');
      form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
    }
    return form;
  }
}
