package io.codelibra.lifeline.statuspage.admin;

import io.codelibra.lifeline.statuspage.page.AuditEntry;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log: every administrator's and subscriber's change, newest first, with who asked and whether it
 * was applied (the full history is the {@code status.commands} topic).
 */
@RestController
public class AuditController {

  private final StatusPageCommands commands;

  public AuditController(StatusPageCommands commands) {
    this.commands = commands;
  }

  @GetMapping("/api/v1/audit")
  public List<AuditEntry> audit(@RequestParam(defaultValue = "100") int limit) {
    List<AuditEntry> audit = commands.page().audit();
    return audit.subList(0, Math.min(Math.max(limit, 0), audit.size()));
  }
}
