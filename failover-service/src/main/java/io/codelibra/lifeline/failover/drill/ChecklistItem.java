package io.codelibra.lifeline.failover.drill;

import io.codelibra.lifeline.events.DrillPhase;

/** The Vibe Platform DR plan's "Checklist for DR Drill", worded exactly as the plan words it. */
public enum ChecklistItem {
  NOTIFY_STAKEHOLDERS(DrillPhase.pre, "Notify all stakeholders"),
  VERIFY_BACKUP_INTEGRITY(DrillPhase.pre, "Verify backup integrity"),
  CONFIRM_DR_ENVIRONMENT(DrillPhase.pre, "Confirm DR environment is ready"),
  PREPARE_RUNBOOKS(DrillPhase.pre, "Prepare runbooks"),
  SET_UP_MONITORING(DrillPhase.pre, "Set up monitoring for drill"),
  EXECUTE_FAILOVER(DrillPhase.during, "Execute failover procedure"),
  DOCUMENT_STEP_TIMES(DrillPhase.during, "Document time to complete each step"),
  NOTE_ISSUES(DrillPhase.during, "Note any issues encountered"),
  VERIFY_DATA_INTEGRITY(DrillPhase.during, "Verify data integrity"),
  TEST_APPLICATION(DrillPhase.during, "Test application functionality"),
  ROLLBACK_TO_PRIMARY(DrillPhase.post, "Rollback to primary region"),
  DOCUMENT_LESSONS(DrillPhase.post, "Document lessons learned"),
  UPDATE_PROCEDURES(DrillPhase.post, "Update procedures"),
  SHARE_FINDINGS(DrillPhase.post, "Share findings with team"),
  SCHEDULE_FOLLOW_UP(DrillPhase.post, "Schedule follow-up improvements");

  private final DrillPhase phase;
  private final String wording;

  ChecklistItem(DrillPhase phase, String wording) {
    this.phase = phase;
    this.wording = wording;
  }

  public DrillPhase phase() {
    return phase;
  }

  public String wording() {
    return wording;
  }
}
