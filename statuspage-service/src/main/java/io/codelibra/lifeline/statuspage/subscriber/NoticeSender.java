package io.codelibra.lifeline.statuspage.subscriber;

import io.codelibra.lifeline.events.SubscriberChannel;
import io.codelibra.lifeline.statuspage.page.PageSnapshot;

/** One way of telling a subscriber about a notice (e-mail, webhook): makes one attempt. */
interface NoticeSender {

  SubscriberChannel channel();

  /** @throws DeliveryFailed when the attempt failed, saying whether another attempt may pass */
  void send(SubscriberState subscriber, SubscriberNotice notice, PageSnapshot page) throws DeliveryFailed;
}
