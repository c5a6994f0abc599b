package io.hcp360.web;

import io.hcp360.steward.AuditQuery;
import io.hcp360.steward.StewardService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail, newest first, filtered by who, what and target. */
@Controller
final class AuditController {
  private static final int LIMIT = 500;

  private final StewardService steward;

  AuditController(StewardService steward) {
    this.steward = steward;
  }

  @GetMapping("/audit")
  String audit(@RequestParam(defaultValue = "") String actor,
      @RequestParam(defaultValue = "") String action,
      @RequestParam(defaultValue = "") String target, Model model) {
    model.addAttribute("entries", steward.audit(new AuditQuery(blankToNull(actor),
        blankToNull(action), blankToNull(target), LIMIT)));
    model.addAttribute("actor", actor);
    model.addAttribute("action", action);
    model.addAttribute("target", target);
    model.addAttribute("limit", LIMIT);
    return "audit";
  }

  private static String blankToNull(String s) {
    return s.isBlank() ? null : s.trim();
  }
}
