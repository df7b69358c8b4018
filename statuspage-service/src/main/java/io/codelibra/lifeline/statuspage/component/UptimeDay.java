package io.codelibra.lifeline.statuspage.component;

import io.codelibra.lifeline.events.ComponentStatus;
import java.time.LocalDate;

/**
 * One bar of a component's uptime chart: the day's uptime (null when the component did not exist yet),
 * its worst status and the minutes of major and partial outage.
 */
public record UptimeDay(LocalDate date, Double uptime, ComponentStatus worst, long majorOutageMinutes, long partialOutageMinutes) {
}
