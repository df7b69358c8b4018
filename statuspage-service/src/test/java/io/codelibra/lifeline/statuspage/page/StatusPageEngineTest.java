package io.codelibra.lifeline.statuspage.page;

import io.codelibra.lifeline.runtime.streams.Emission;
import static io.codelibra.lifeline.events.ComponentStatus.major_outage;
import static io.codelibra.lifeline.events.ComponentStatus.operational;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.ALICE;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.RULES;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.SETTINGS;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.T0;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.TEMPLATES;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.change;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.configuredPage;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.eventsOf;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.minutes;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.only;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.opened;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.sequentialIds;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelibra.lifeline.events.ComponentDefinition;
import io.codelibra.lifeline.events.ComponentGroupDefinition;
import io.codelibra.lifeline.events.ComponentOverride;
import io.codelibra.lifeline.events.ComponentRemoval;
import io.codelibra.lifeline.events.ComponentStatusChanged;
import io.codelibra.lifeline.events.MaintenancePlan;
import io.codelibra.lifeline.events.Severity;
import io.codelibra.lifeline.events.StatusChangeCauseType;
import io.codelibra.lifeline.events.StatusIncidentPost;
import io.codelibra.lifeline.events.StatusIncidentStatus;
import io.codelibra.lifeline.events.StatusPageChangeRequested;
import io.codelibra.lifeline.events.SubscriberChannel;
import io.codelibra.lifeline.events.SubscriberConfirmation;
import io.codelibra.lifeline.events.SubscriberRegistration;
import io.codelibra.lifeline.events.SubscriberRemoval;
import io.codelibra.lifeline.schemas.topics.Topics;
import io.codelibra.lifeline.statuspage.component.ComponentDefinitionFields;
import io.codelibra.lifeline.statuspage.component.ComponentGroupState;
import io.codelibra.lifeline.statuspage.component.ComponentHistory;
import io.codelibra.lifeline.statuspage.component.ComponentState;
import io.codelibra.lifeline.statuspage.component.StatusSpan;
import io.codelibra.lifeline.statuspage.incident.StatusIncidentState;
import io.codelibra.lifeline.statuspage.maintenance.MaintenanceState;
import io.codelibra.lifeline.statuspage.subscriber.SubscriberState;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The engine around the flows: configuration, component definitions, refused changes, what is persisted and the snapshot. */
class StatusPageEngineTest {

  private final StatusPageEngine engine = PageFixtures.engine();

  @Nested
  class Configuration {

    private final StatusPage page = new StatusPage(SETTINGS);

    @Test
    void createsEveryComponentOperationalWithAFirstChangeEventWithoutPreviousStatus() {
      List<Emission> emissions = engine.configure(page, T0);

      assertThat(emissions).extracting(Emission::key).containsExactly("api", "web", "checkout", "cdn", "docs");
      assertThat(emissions).allSatisfy(emission -> assertThat(emission.topic()).isEqualTo(Topics.STATUS_COMPONENTS.name()));
      ComponentStatusChanged api = (ComponentStatusChanged) emissions.get(0).value();
      assertThat(api.getPreviousStatus()).isNull();
      assertThat(api.getStatus()).isEqualTo(operational);
      assertThat(api.getComponentName()).isEqualTo("API");
      assertThat(api.getGroupId()).isEqualTo("core");
      assertThat(api.getReason()).isEqualTo("component created");
      assertThat(api.getCause().getType()).isEqualTo(StatusChangeCauseType.other);
      assertThat(api.getManualOverride()).isFalse();
      assertThat(api.getActor()).isEqualTo(PageEvents.SYSTEM);
      assertThat(api.getOccurredAt()).isEqualTo(T0);
      assertThat(api.getEventId()).isEqualTo(new UUID(0, 1));

      assertThat(page.components()).allSatisfy(component -> {
        assertThat(component.status()).isEqualTo(operational);
        assertThat(page.history(component.id()).orElseThrow().spans()).containsExactly(new StatusSpan(T0, operational));
      });
      assertThat(page.group("core").orElseThrow())
          .isEqualTo(new ComponentGroupState("core", "Core services", "What customers call", 1, T0, T0));
      assertThat(page.drainDirty()).containsExactlyInAnyOrder("group/edge", "group/core",
          "component/api", "component/web", "component/checkout", "component/cdn", "component/docs",
          "history/api", "history/web", "history/checkout", "history/cdn", "history/docs");
    }

    @Test
    void configuringAgainChangesNothing() {
      engine.configure(page, T0);
      page.drainDirty();

      assertThat(engine.configure(page, minutes(60))).isEmpty();
      assertThat(page.drainDirty()).isEmpty();
    }

    @Test
    void aChangedDefinitionRedefinesTheComponentAndKeepsItsStatusWithoutAnEvent() {
      engine.configure(page, T0);
      engine.apply(page, opened("inc-1", "checkout-api", Severity.SEV1, T0), T0);
      page.drainDirty();
      PageDefinition renamed = new PageDefinition(
          List.of(new PageDefinition.GroupDefinition("core", "Core", "What customers call", 1)),
          List.of(new ComponentDefinitionFields("api", "Public API", "Public REST API", "core", 1, true, false)));

      List<Emission> emissions = new StatusPageEngine(renamed, RULES, TEMPLATES, sequentialIds()).configure(page, minutes(5));

      assertThat(emissions).isEmpty();
      ComponentState api = page.component("api").orElseThrow();
      assertThat(api.name()).isEqualTo("Public API");
      assertThat(api.status()).isEqualTo(major_outage);
      assertThat(api.contributions()).containsOnlyKeys("incident:inc-1");
      assertThat(api.createdAt()).isEqualTo(T0);
      assertThat(page.group("core").orElseThrow().name()).isEqualTo("Core");
      assertThat(page.group("core").orElseThrow().createdAt()).isEqualTo(T0);
      assertThat(page.drainDirty()).containsExactlyInAnyOrder("group/core", "component/api");
    }
  }

  @Nested
  class ComponentDefinitions {

    private final StatusPage page = configuredPage(engine);

    @Test
    void anAdministratorsNewComponentGoesLastAndAnnouncesItself() {
      StatusPageChangeRequested request = change(ComponentDefinition.newBuilder().setComponentId("search").setName("Search")
          .setGroupId("core").build(), T0);

      List<Emission> emissions = engine.apply(page, request, T0);

      ComponentStatusChanged created = only(emissions, ComponentStatusChanged.class);
      assertThat(created.getPreviousStatus()).isNull();
      assertThat(created.getStatus()).isEqualTo(operational);
      assertThat(created.getActor()).isEqualTo(ALICE);
      ComponentState search = page.component("search").orElseThrow();
      assertThat(search.position()).isEqualTo(6);
      assertThat(search.showcase()).isTrue();
      assertThat(page.drainDirty()).containsExactlyInAnyOrder("component/search", "history/search",
          "audit/" + request.getEventId());
    }

    @Test
    void aComponentInAnUnknownGroupIsRefused() {
      StatusPageChangeRequested request = change(ComponentDefinition.newBuilder().setComponentId("search").setName("Search")
          .setGroupId("nope").build(), T0);

      assertThatThrownBy(() -> engine.apply(page, request, T0))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("no component group nope");
    }

    @Test
    void removingAComponentWritesATombstoneAndForgetsItsHistory() {
      List<Emission> emissions = engine.apply(page, change(ComponentRemoval.newBuilder().setComponentId("docs").build(), T0), T0);

      assertThat(emissions).containsExactly(new Emission(Topics.STATUS_COMPONENTS.name(), "docs", null));
      assertThat(page.component("docs")).isEmpty();
      assertThat(page.history("docs")).isEmpty();
      assertThat(page.drainDirty()).contains("component/docs", "history/docs");
      assertThat(page.entity("component/docs")).isNull();
      assertThat(page.entity("history/docs")).isNull();
    }

    @Test
    void removingAnUnknownComponentIsRefused() {
      assertThatThrownBy(() -> engine.apply(page, change(ComponentRemoval.newBuilder().setComponentId("nope").build(), T0), T0))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("no component nope");
    }

    @Test
    void aGroupDefinedWithoutPositionGoesAfterTheOthers() {
      engine.apply(page, change(ComponentGroupDefinition.newBuilder().setGroupId("beta").setName("Beta").build(), T0), T0);

      assertThat(page.snapshot().groups()).extracting(ComponentGroupState::id).containsExactly("core", "edge", "beta");
    }
  }

  @Nested
  class RefusedChanges {

    private final StatusPage page = configuredPage(engine);

    @Test
    void anAppliedChangeIsAuditedWithItsTarget() {
      StatusPageChangeRequested request = change(ComponentOverride.newBuilder().setComponentId("api").setStatus(major_outage)
          .setReason("testing").build(), minutes(1));

      engine.apply(page, request, minutes(2));

      String key = "audit/" + request.getEventId();
      assertThat(page.drainDirty()).contains(key);
      assertThat(page.entity(key)).isEqualTo(new AuditEntry(request.getEventId().toString(), minutes(1), "user", "alice",
          "ComponentOverride", "component/api", true, "applied"));
    }

    @Test
    void aRefusedChangeIsAuditedAndIsTheOnlyChange() {
      StatusPageChangeRequested request = change(ComponentOverride.newBuilder().setComponentId("nope").setStatus(major_outage)
          .setReason("typo").build(), T0);
      assertThatThrownBy(() -> engine.apply(page, request, T0)).isInstanceOf(IllegalArgumentException.class);

      engine.refused(page, request, "no component nope");

      String key = "audit/" + request.getEventId();
      assertThat(page.drainDirty()).containsExactly(key);
      assertThat(page.entity(key)).isEqualTo(new AuditEntry(request.getEventId().toString(), T0, "user", "alice",
          "ComponentOverride", null, false, "no component nope"));
      assertThat(page.snapshot().audit()).hasSize(1);
    }
  }

  @Nested
  class Subscribers {

    private final StatusPage page = configuredPage(engine);

    @Test
    void anEmailSubscriberStartsUnconfirmedUntilConfirmed() {
      engine.apply(page, change(SubscriberRegistration.newBuilder().setSubscriberId("s-1").setChannel(SubscriberChannel.email)
          .setAddress("ops@example.com").setComponentIds(List.of("api")).build(), T0), T0);

      assertThat(page.subscriber("s-1").orElseThrow().confirmed()).isFalse();

      engine.apply(page, change(SubscriberConfirmation.newBuilder().setSubscriberId("s-1").build(), minutes(5)), minutes(5));

      SubscriberState confirmed = page.subscriber("s-1").orElseThrow();
      assertThat(confirmed.confirmed()).isTrue();
      assertThat(confirmed.confirmedAt()).isEqualTo(minutes(5));
      assertThat(confirmed.createdAt()).isEqualTo(T0);
    }

    @Test
    void aSubscriptionToAnUnknownComponentIsRefused() {
      StatusPageChangeRequested request = change(SubscriberRegistration.newBuilder().setSubscriberId("s-1")
          .setChannel(SubscriberChannel.webhook).setAddress("https://hooks.example.com").setComponentIds(List.of("nope")).build(), T0);

      assertThatThrownBy(() -> engine.apply(page, request, T0)).isInstanceOf(IllegalArgumentException.class);
      assertThat(page.subscriber("s-1")).isEmpty();
    }

    @Test
    void removingASubscriberDeletesItAndAnUnknownOneIsRefused() {
      engine.apply(page, change(SubscriberRegistration.newBuilder().setSubscriberId("s-1").setChannel(SubscriberChannel.webhook)
          .setAddress("https://hooks.example.com").setConfirmed(true).build(), T0), T0);
      page.drainDirty();

      engine.apply(page, change(SubscriberRemoval.newBuilder().setSubscriberId("s-1").build(), minutes(1)), minutes(1));

      assertThat(page.drainDirty()).contains("subscriber/s-1");
      assertThat(page.entity("subscriber/s-1")).isNull();
      assertThatThrownBy(() -> engine.apply(page, change(SubscriberRemoval.newBuilder().setSubscriberId("s-1").build(), minutes(2)),
          minutes(2))).isInstanceOf(IllegalArgumentException.class).hasMessage("no subscriber s-1");
    }
  }

  @Nested
  class DirtyKeys {

    private final StatusPage page = configuredPage(engine);

    @Test
    void nameExactlyTheEntitiesAnIncidentChanged() {
      engine.apply(page, opened("inc-1", "checkout-api", Severity.SEV1, T0), T0);

      assertThat(page.changed()).isTrue();
      assertThat(page.drainDirty()).containsExactlyInAnyOrder("component/checkout", "history/checkout", "component/api",
          "history/api", "incident/lifeline-inc-1");
      assertThat(page.changed()).isFalse();
      assertThat(page.drainDirty()).isEmpty();
    }

    @Test
    void eachKeyLeadsToTheEntityToStore() {
      engine.apply(page, opened("inc-1", "checkout-api", Severity.SEV1, T0), T0);

      for (String key : page.drainDirty()) {
        Object entity = page.entity(key);
        assertThat(entity).as(key).isInstanceOf(PageEntityType.ofKey(key).valueType());
      }
      assertThat(((ComponentHistory) page.entity("history/api")).spans()).hasSize(2);
      assertThat(((StatusIncidentState) page.entity("incident/lifeline-inc-1")).lifelineIncidentId()).isEqualTo("inc-1");
      assertThat(page.entity("unknown/x")).isNull();
      assertThat(page.entity("no-slash")).isNull();
    }

    @Test
    void anOverrideThatChangesNothingShownStillStoresTheComponent() {
      engine.apply(page, change(ComponentOverride.newBuilder().setComponentId("api").setStatus(operational).setReason("hold")
          .build(), T0), T0);

      assertThat(page.drainDirty()).filteredOn(key -> !key.startsWith("audit/")).containsExactly("component/api");
    }

    @Test
    void theOldestAuditEntryBeyondTheKeptNumberIsDeleted() {
      StatusPageChangeRequested first = null;
      for (int i = 0; i <= StatusPage.AUDIT_ENTRIES_KEPT; i++) {
        StatusPageChangeRequested request = change(ComponentOverride.newBuilder().setComponentId("nope").setStatus(major_outage)
            .setReason("typo " + i).build(), T0);
        engine.refused(page, request, "no component nope");
        first = first == null ? request : first;
      }

      String oldest = "audit/" + first.getEventId();
      assertThat(page.drainDirty()).hasSize(StatusPage.AUDIT_ENTRIES_KEPT + 1).contains(oldest);
      assertThat(page.entity(oldest)).isNull();
      assertThat(page.snapshot().audit()).hasSize(StatusPage.AUDIT_ENTRIES_KEPT);
    }

    @Test
    void aRestoredPageIsNotDirty() {
      StatusPage restored = new StatusPage(SETTINGS);
      for (ComponentState component : page.components()) {
        restored.restore(PageEntityType.COMPONENT, component);
        restored.restore(PageEntityType.HISTORY, page.history(component.id()).orElseThrow());
      }

      assertThat(restored.changed()).isFalse();
      assertThat(restored.components()).isEqualTo(page.components());
      assertThat(engine.configure(restored, minutes(1))).filteredOn(emission -> emission.value() != null).isEmpty();
    }
  }

  @Nested
  class Snapshot {

    private final StatusPage page = configuredPage(engine);

    @Test
    void listsGroupsByPositionAndComponentsUngroupedFirstThenByTheirGroupThenPosition() {
      // The fixture configures group edge (position 2) before core (position 1).
      PageSnapshot snapshot = page.snapshot();

      assertThat(snapshot.groups()).extracting(ComponentGroupState::id).containsExactly("core", "edge");
      assertThat(snapshot.components()).extracting(ComponentState::id).containsExactly("docs", "api", "web", "checkout", "cdn");
    }

    @Test
    void aConfiguredPositionZeroGoesAfterTheOthers() {
      StatusPage zero = new StatusPage(SETTINGS);
      new StatusPageEngine(new PageDefinition(
          List.of(new PageDefinition.GroupDefinition("later", "Later", null, 0),
              new PageDefinition.GroupDefinition("first", "First", null, 1)),
          List.of(new ComponentDefinitionFields("z", "Z", null, "first", 0, true, false),
              new ComponentDefinitionFields("a", "A", null, "first", 2, true, false),
              new ComponentDefinitionFields("b", "B", null, "later", 1, true, false))),
          RULES, TEMPLATES, sequentialIds()).configure(zero, T0);

      PageSnapshot snapshot = zero.snapshot();

      assertThat(snapshot.groups()).extracting(ComponentGroupState::id).containsExactly("first", "later");
      assertThat(snapshot.components()).extracting(ComponentState::id).containsExactly("a", "z", "b");
    }

    @Test
    void listsIncidentsAndMaintenancesNewestFirst() {
      for (int i = 0; i < 3; i++) {
        engine.apply(page, change(StatusIncidentPost.newBuilder().setIncidentId("i-" + i).setName("I" + i).setBody("b")
            .setStatus(StatusIncidentStatus.investigating).build(), minutes(i)), minutes(i));
      }
      engine.apply(page, change(maintenance("early", 60), T0), T0);
      engine.apply(page, change(maintenance("late", 600), T0), T0);
      engine.apply(page, change(maintenance("middle", 300), T0), T0);

      PageSnapshot snapshot = page.snapshot();

      assertThat(snapshot.incidents()).extracting(StatusIncidentState::id).containsExactly("i-2", "i-1", "i-0");
      assertThat(snapshot.maintenances()).extracting(MaintenanceState::id).containsExactly("late", "middle", "early");
      assertThat(snapshot.incident("i-1")).isPresent();
      assertThat(snapshot.audit()).hasSize(6);
      assertThat(snapshot.audit().get(0).target()).isEqualTo("maintenance/middle");
    }

    private static MaintenancePlan maintenance(String id, int startMinutes) {
      return MaintenancePlan.newBuilder().setMaintenanceId(id).setTitle(id).setScheduledFor(minutes(startMinutes))
          .setScheduledUntil(minutes(startMinutes + 60)).build();
    }

    @Test
    void eachSnapshotHasANewVersionAndTheTimeOfTheLatestChange() {
      PageSnapshot first = page.snapshot();
      engine.apply(page, opened("inc-1", "checkout-api", Severity.SEV1, minutes(7)), minutes(7));

      PageSnapshot second = page.snapshot();

      assertThat(second.version()).isGreaterThan(first.version());
      assertThat(first.updatedAt()).isEqualTo(T0);
      assertThat(second.updatedAt()).isEqualTo(minutes(7));
      assertThat(second.settings()).isEqualTo(SETTINGS);
      assertThat(second.component("api").orElseThrow().status()).isEqualTo(major_outage);
      assertThat(first.component("api").orElseThrow().status()).isEqualTo(operational);
    }

    @Test
    void aSnapshotDoesNotChangeWithThePage() {
      PageSnapshot before = page.snapshot();

      engine.apply(page, opened("inc-1", "checkout-api", Severity.SEV1, T0), T0);

      assertThat(before.incidents()).isEmpty();
      assertThat(before.histories().get("api").spans()).hasSize(1);
      assertThatThrownBy(() -> before.components().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
  }

  @Test
  void theIdsOfEventsAndUpdatesComeFromTheSupplier() {
    StatusPage page = new StatusPage(SETTINGS);
    List<Emission> created = engine.configure(page, T0);

    List<Emission> incident = engine.apply(page, opened("inc-1", "checkout-api", Severity.SEV1, T0), T0);

    assertThat(eventsOf(created, ComponentStatusChanged.class)).extracting(ComponentStatusChanged::getEventId)
        .containsExactly(new UUID(0, 1), new UUID(0, 2), new UUID(0, 3), new UUID(0, 4), new UUID(0, 5));
    assertThat(types(incident)).hasSize(3);
    assertThat(page.incident("lifeline-inc-1").orElseThrow().updates().get(0).id()).isEqualTo(new UUID(0, 8).toString());
  }
}
