package io.codelibra.lifeline.registry.state;

import io.codelibra.lifeline.registry.error.RegistryException;
import io.codelibra.lifeline.registry.state.LogRecord.ConfigRecord;
import io.codelibra.lifeline.registry.state.LogRecord.DeleteSubjectRecord;
import io.codelibra.lifeline.registry.state.LogRecord.IgnoredRecord;
import io.codelibra.lifeline.registry.state.LogRecord.SchemaRecord;
import io.codelibra.lifeline.schemas.compatibility.CompatibilityLevel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.avro.Schema;

/**
 * The registry's whole state, rebuilt by applying the {@code _schemas} log in order.
 *
 * <p>Applying is pure and deterministic, so every instance that has applied the same records holds
 * the same state and takes the same compare-and-set decisions: a SCHEMA record is rejected when its
 * subject version already holds another schema or id, when its id already names another schema, or
 * when its schema already has another id. Decisions look only at live entries (what a compacted log
 * still holds), never at history compaction may have removed; and the state remembers which keys
 * ended on a rejected record, so their proposer can overwrite it before compaction would make it the
 * only record of its key. Not thread-safe: the store guards it.
 */
public final class RegistryState {

  private final CompatibilityLevel defaultLevel;
  private final Map<String, NavigableMap<Integer, SchemaEntry>> subjects = new TreeMap<>();
  private final Map<Integer, String> schemaById = new HashMap<>();
  private final Map<String, Integer> idBySchema = new HashMap<>();
  private final Map<Integer, Integer> entryCountById = new HashMap<>();
  private final Map<Integer, Schema> parsedById = new HashMap<>();
  private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
  private final Set<VersionKey> rejectedLast = new HashSet<>();
  private CompatibilityLevel globalLevel;
  private int highestIdSeen;

  public RegistryState(CompatibilityLevel defaultLevel) {
    this.defaultLevel = defaultLevel;
  }

  // ---------------------------------------------------------------- applying the log

  public ApplyOutcome apply(LogRecord record) {
    return switch (record) {
      case SchemaRecord schema -> applySchema(schema);
      case ConfigRecord config -> applyConfig(config);
      case DeleteSubjectRecord delete -> applyDeleteSubject(delete);
      case IgnoredRecord ignored -> ApplyOutcome.ignored(ignored.reason());
    };
  }

  private ApplyOutcome applySchema(SchemaRecord record) {
    ApplyOutcome outcome = decideSchema(record);
    VersionKey key = new VersionKey(record.subject(), record.version());
    if (outcome.isRejected()) {
      rejectedLast.add(key);
    } else {
      rejectedLast.remove(key);
    }
    return outcome;
  }

  private ApplyOutcome decideSchema(SchemaRecord record) {
    SchemaEntry existing = entry(record.subject(), record.version());
    SchemaEntry value = record.value();
    if (value == null) {
      if (existing == null) {
        return ApplyOutcome.ignored("tombstone for an absent version");
      }
      remove(existing);
      return ApplyOutcome.removed();
    }
    if (!record.subject().equals(value.subject()) || record.version() != value.version()) {
      return ApplyOutcome.rejected("value does not match its key");
    }
    if (value.id() < 1 || value.version() < 1) {
      return ApplyOutcome.rejected("ids and versions start at 1");
    }
    ParsedSchema parsed;
    try {
      parsed = ParsedSchema.parse(value.schema());
    } catch (RegistryException unparseable) {
      return ApplyOutcome.rejected("unparseable schema: " + unparseable.getMessage());
    }
    SchemaEntry incoming = new SchemaEntry(value.subject(), value.version(), value.id(), parsed.canonical(),
        value.deleted());
    if (existing != null) {
      if (!existing.sameContentAs(incoming)) {
        return ApplyOutcome.rejected("version " + existing.version() + " of subject '" + existing.subject()
            + "' is already schema id " + existing.id());
      }
      if (existing.deleted() && !incoming.deleted()) {
        return ApplyOutcome.rejected("a soft-deleted version cannot be restored");
      }
      subjects.get(existing.subject()).put(existing.version(), incoming);
      return ApplyOutcome.updated();
    }
    String holder = schemaById.get(incoming.id());
    if (holder != null && !holder.equals(incoming.schema())) {
      return ApplyOutcome.rejected("schema id " + incoming.id() + " is already another schema");
    }
    Integer knownId = idBySchema.get(incoming.schema());
    if (knownId != null && knownId != incoming.id()) {
      return ApplyOutcome.rejected("the schema already has id " + knownId);
    }
    add(incoming, parsed.schema());
    return ApplyOutcome.created();
  }

  private ApplyOutcome applyConfig(ConfigRecord record) {
    if (record.compatibilityLevel() == null) {
      boolean had = record.subject() == null ? globalLevel != null : subjectLevels.containsKey(record.subject());
      if (record.subject() == null) {
        globalLevel = null;
      } else {
        subjectLevels.remove(record.subject());
      }
      return had ? ApplyOutcome.removed() : ApplyOutcome.ignored("no compatibility level to remove");
    }
    Optional<CompatibilityLevel> level = CompatibilityLevel.parse(record.compatibilityLevel());
    if (level.isEmpty()) {
      return ApplyOutcome.ignored("unknown compatibility level " + record.compatibilityLevel());
    }
    if (record.subject() == null) {
      globalLevel = level.get();
    } else {
      subjectLevels.put(record.subject(), level.get());
    }
    return ApplyOutcome.updated();
  }

  private ApplyOutcome applyDeleteSubject(DeleteSubjectRecord record) {
    NavigableMap<Integer, SchemaEntry> versions = subjects.get(record.subject());
    if (versions == null) {
      return ApplyOutcome.ignored("delete of an absent subject");
    }
    versions.headMap(record.version(), true).replaceAll((version, entry) -> entry.withDeleted(true));
    return ApplyOutcome.updated();
  }

  private void add(SchemaEntry entry, Schema parsed) {
    subjects.computeIfAbsent(entry.subject(), subject -> new TreeMap<>()).put(entry.version(), entry);
    schemaById.put(entry.id(), entry.schema());
    idBySchema.put(entry.schema(), entry.id());
    parsedById.putIfAbsent(entry.id(), parsed);
    entryCountById.merge(entry.id(), 1, Integer::sum);
    highestIdSeen = Math.max(highestIdSeen, entry.id());
  }

  private void remove(SchemaEntry entry) {
    NavigableMap<Integer, SchemaEntry> versions = subjects.get(entry.subject());
    versions.remove(entry.version());
    if (versions.isEmpty()) {
      subjects.remove(entry.subject());
    }
    // An id no live entry uses any more is forgotten, exactly as a fresh instance reading the
    // compacted log would never learn it; the proposer still avoids reusing it (highestIdSeen).
    if (entryCountById.merge(entry.id(), -1, Integer::sum) == 0) {
      entryCountById.remove(entry.id());
      schemaById.remove(entry.id());
      idBySchema.remove(entry.schema());
      parsedById.remove(entry.id());
    }
  }

  // ---------------------------------------------------------------- planning writes

  /** Registering {@code candidate} under {@code subject}: the existing version, a compatibility refusal, or a new version to propose. */
  public RegistrationPlan planRegistration(String subject, ParsedSchema candidate) {
    NavigableMap<Integer, SchemaEntry> versions = subjects.getOrDefault(subject, Collections.emptyNavigableMap());
    for (SchemaEntry entry : versions.descendingMap().values()) {
      if (!entry.deleted() && entry.schema().equals(candidate.canonical())) {
        return new RegistrationPlan.Existing(entry);
      }
    }
    List<String> violations = compatibilityMessages(subject, candidate, versions(subject, Visibility.LIVE));
    if (!violations.isEmpty()) {
      return new RegistrationPlan.Incompatible(violations);
    }
    int id = idBySchema.getOrDefault(candidate.canonical(), highestIdSeen + 1);
    int version = versions.isEmpty() ? 1 : versions.lastKey() + 1;
    return new RegistrationPlan.NewVersion(new SchemaEntry(subject, version, id, candidate.canonical(), false));
  }

  /** Deleting a whole subject: soft (mark every live version deleted) or permanent (tombstone every version). */
  public DeletionPlan planSubjectDeletion(String subject, boolean permanent) {
    if (!hasSubject(subject, true)) {
      throw RegistryException.subjectNotFound(subject);
    }
    if (!permanent) {
      List<SchemaEntry> live = versions(subject, Visibility.LIVE);
      if (live.isEmpty()) {
        throw RegistryException.subjectSoftDeleted(subject);
      }
      return new DeletionPlan(live.stream().map(SchemaEntry::version).toList(),
          live.stream().<LogRecord>map(entry -> SchemaRecord.of(entry.withDeleted(true))).toList());
    }
    if (hasSubject(subject, false)) {
      throw RegistryException.subjectNotSoftDeleted(subject);
    }
    List<SchemaEntry> all = versions(subject, Visibility.INCLUDE_DELETED);
    List<LogRecord> records = new ArrayList<>();
    all.forEach(entry -> records.add(SchemaRecord.tombstone(subject, entry.version())));
    if (subjectLevels.containsKey(subject)) {
      records.add(new ConfigRecord(subject, null));
    }
    return new DeletionPlan(all.stream().map(SchemaEntry::version).toList(), records);
  }

  /** Deleting one version: soft, or permanent once it has been soft-deleted. "latest" counts soft-deleted versions. */
  public DeletionPlan planVersionDeletion(String subject, VersionRef ref, boolean permanent) {
    SchemaEntry entry = ref.isLatest() ? latest(subject, true) : entry(subject, ref.number());
    if (entry == null) {
      if (!hasSubject(subject, true)) {
        throw RegistryException.subjectNotFound(subject);
      }
      throw RegistryException.versionNotFound(ref.number());
    }
    if (!permanent && entry.deleted()) {
      throw RegistryException.versionSoftDeleted(subject, ref.text());
    }
    if (permanent && !entry.deleted()) {
      throw RegistryException.versionNotSoftDeleted(subject, ref.text());
    }
    LogRecord record = permanent
        ? SchemaRecord.tombstone(subject, entry.version())
        : SchemaRecord.of(entry.withDeleted(true));
    return new DeletionPlan(List.of(entry.version()), List.of(record));
  }

  /**
   * Whether the last record of this subject version's key was rejected. Compaction keeps only the
   * last record of a key, so a rejected record left last would be read as valid by an instance
   * started after compaction: its proposer must overwrite it with {@link #currentRecord}.
   */
  public boolean lastRecordRejected(String subject, int version) {
    return rejectedLast.contains(new VersionKey(subject, version));
  }

  /** The record that states what this state holds for a subject version: its entry, or a tombstone. */
  public SchemaRecord currentRecord(String subject, int version) {
    SchemaEntry entry = entry(subject, version);
    return entry == null ? SchemaRecord.tombstone(subject, version) : SchemaRecord.of(entry);
  }

  // ---------------------------------------------------------------- compatibility

  /**
   * Violations of the subject's level by the candidate against one version, the latest, or (ref null)
   * the versions the level looks at; empty when compatible, or when there is nothing to compare with.
   */
  public List<String> checkCompatibility(String subject, ParsedSchema candidate, VersionRef ref) {
    if (ref == null) {
      return compatibilityMessages(subject, candidate, versions(subject, Visibility.LIVE));
    }
    if (ref.isLatest()) {
      SchemaEntry latest = latest(subject, false);
      return latest == null ? List.of() : compatibilityMessages(subject, candidate, List.of(latest));
    }
    return compatibilityMessages(subject, candidate, List.of(requireVersion(subject, ref, false)));
  }

  private List<String> compatibilityMessages(String subject, ParsedSchema candidate, List<SchemaEntry> earlier) {
    return CompatibilityCheck.messages(effectiveLevel(subject), candidate.schema(), earlier, this::parsed);
  }

  private Schema parsed(SchemaEntry entry) {
    return parsedById.computeIfAbsent(entry.id(), id -> new Schema.Parser().parse(entry.schema()));
  }

  // ---------------------------------------------------------------- reading

  /** Subjects in name order: with a live version, with any version, or with only soft-deleted versions. */
  public List<String> subjects(Visibility visibility, String prefix) {
    List<String> names = new ArrayList<>();
    subjects.forEach((subject, versions) -> {
      if (prefix != null && !subject.startsWith(prefix)) {
        return;
      }
      boolean live = versions.values().stream().anyMatch(entry -> !entry.deleted());
      boolean shown = switch (visibility) {
        case LIVE -> live;
        case INCLUDE_DELETED -> true;
        case DELETED_ONLY -> !live;
      };
      if (shown) {
        names.add(subject);
      }
    });
    return names;
  }

  public boolean hasSubject(String subject, boolean includeDeleted) {
    NavigableMap<Integer, SchemaEntry> versions = subjects.get(subject);
    return versions != null && (includeDeleted || versions.values().stream().anyMatch(entry -> !entry.deleted()));
  }

  /** The subject's versions, oldest first, as the visibility allows. */
  public List<SchemaEntry> versions(String subject, Visibility visibility) {
    return subjects.getOrDefault(subject, Collections.emptyNavigableMap()).values().stream()
        .filter(visibility::shows)
        .toList();
  }

  /** The subject's versions for a listing; 40401 when the subject has none the listing may show. */
  public List<SchemaEntry> requireVersions(String subject, Visibility visibility) {
    if (!hasSubject(subject, visibility != Visibility.LIVE)) {
      throw RegistryException.subjectNotFound(subject);
    }
    return versions(subject, visibility);
  }

  /** One version; 40401 when the subject has no (visible) version, 40402 when this version is not there. */
  public SchemaEntry requireVersion(String subject, VersionRef ref, boolean includeDeleted) {
    SchemaEntry found = ref.isLatest() ? latest(subject, includeDeleted) : entry(subject, ref.number());
    if (found != null && (includeDeleted || !found.deleted())) {
      return found;
    }
    if (!hasSubject(subject, includeDeleted)) {
      throw RegistryException.subjectNotFound(subject);
    }
    throw RegistryException.versionNotFound(ref.number());
  }

  /** The newest version of the subject holding this schema; 40401 without the subject, 40403 without the schema. */
  public SchemaEntry requireLookup(String subject, ParsedSchema candidate, boolean includeDeleted) {
    if (!hasSubject(subject, includeDeleted)) {
      throw RegistryException.subjectNotFound(subject);
    }
    for (SchemaEntry entry : subjects.get(subject).descendingMap().values()) {
      if ((includeDeleted || !entry.deleted()) && entry.schema().equals(candidate.canonical())) {
        return entry;
      }
    }
    throw RegistryException.schemaNotFound();
  }

  /** The schema text with this global id; 40403 when no entry (live or soft-deleted) uses the id. */
  public String requireSchema(int id) {
    String schema = schemaById.get(id);
    if (schema == null) {
      throw RegistryException.schemaNotFound(id);
    }
    return schema;
  }

  /** Every subject version using this global id; 40403 when the id is unknown. */
  public List<SchemaEntry> requireEntriesWithId(int id, boolean includeDeleted) {
    requireSchema(id);
    List<SchemaEntry> found = new ArrayList<>();
    subjects.values().forEach(versions -> versions.values().stream()
        .filter(entry -> entry.id() == id && (includeDeleted || !entry.deleted()))
        .forEach(found::add));
    return found;
  }

  public CompatibilityLevel globalLevel() {
    return globalLevel != null ? globalLevel : defaultLevel;
  }

  public Optional<CompatibilityLevel> subjectLevel(String subject) {
    return Optional.ofNullable(subjectLevels.get(subject));
  }

  public CompatibilityLevel effectiveLevel(String subject) {
    return subjectLevel(subject).orElseGet(this::globalLevel);
  }

  public int subjectCount() {
    return subjects.size();
  }

  public int schemaCount() {
    return schemaById.size();
  }

  private SchemaEntry entry(String subject, int version) {
    NavigableMap<Integer, SchemaEntry> versions = subjects.get(subject);
    return versions == null ? null : versions.get(version);
  }

  private SchemaEntry latest(String subject, boolean includeDeleted) {
    NavigableMap<Integer, SchemaEntry> versions = subjects.get(subject);
    if (versions == null) {
      return null;
    }
    for (SchemaEntry entry : versions.descendingMap().values()) {
      if (includeDeleted || !entry.deleted()) {
        return entry;
      }
    }
    return null;
  }

  private record VersionKey(String subject, int version) {
  }
}
