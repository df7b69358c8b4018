package io.codelibra.lifeline.failover.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.utils.SdkAutoCloseable;

class AwsClientsTest {

  @Test
  void buildsClientsAtTheEndpointOverrideInTheirRegion() {
    try (AwsClients clients = new AwsClients(URI.create("http://127.0.0.1:4566"))) {
      Route53Client route53 = clients.build(Route53Client.builder(), Region.AWS_GLOBAL);

      assertThat(route53.serviceClientConfiguration().region()).isEqualTo(Region.AWS_GLOBAL);
      assertThat(route53.serviceClientConfiguration().endpointOverride()).contains(URI.create("http://127.0.0.1:4566"));
    }
  }

  @Test
  void closesEveryClientNewestFirstEvenWhenOneFailsToClose() {
    SdkAutoCloseable first = mock(SdkAutoCloseable.class);
    SdkAutoCloseable failing = mock(SdkAutoCloseable.class);
    SdkAutoCloseable last = mock(SdkAutoCloseable.class);
    doThrow(new IllegalStateException("boom")).when(failing).close();
    AwsClients clients = new AwsClients(null);
    clients.manage(first);
    clients.manage(failing);
    clients.manage(last);

    assertThatThrownBy(clients::close).hasMessage("boom");

    InOrder order = inOrder(last, failing, first);
    order.verify(last).close();
    order.verify(failing).close();
    order.verify(first).close();
    clients.close();
    verify(first).close();
  }
}
