package io.codelibra.lifeline.escalation;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * escalation-service's settings ({@code lifeline.escalation.*}): where policies, schedules and users
 * are read from (Spring resource locations: {@code classpath:...} or {@code file:...}), the public URL
 * put in notifications, how often due timers are looked for, and {@code delay-divisor}: every policy
 * delay divided by it, for drills and tests (1 in production); and how long a resolved incident stays
 * queryable before it leaves the state stores.
 */
@ConfigurationProperties("lifeline.escalation")
public record EscalationProperties(
    @DefaultValue({"classpath:escalation/policies.yml", "classpath:escalation/services.yml"}) List<String> policyFiles,
    @DefaultValue("classpath:escalation/schedules.yml") List<String> scheduleFiles,
    @DefaultValue("classpath:escalation/users.yml") List<String> userFiles,
    @DefaultValue("http://localhost:8082") String publicUrl,
    @DefaultValue("200ms") Duration timerTick,
    @DefaultValue("10s") Duration commandAckTimeout,
    @DefaultValue("1") int delayDivisor,
    @DefaultValue("7d") Duration resolvedRetention) {
}
