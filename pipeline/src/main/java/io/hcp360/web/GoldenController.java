package io.hcp360.web;

import io.hcp360.evaluate.RecordKey;
import io.hcp360.steward.Decision;
import io.hcp360.steward.GoldenView;
import io.hcp360.steward.StewardService;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/** A golden record: its values with lineage, its member records, and unmerge per member. */
@Controller
final class GoldenController {
  private static final Pattern SOURCE_RECORD = Pattern.compile("([^:/\\s]+)[:/](.+)");

  private final StewardService steward;

  GoldenController(StewardService steward) {
    this.steward = steward;
  }

  /**
   * The look-up form, or the golden record asked for: by golden ID, or by a source record
   * ({@code crm:001A} or {@code crm/001A}).
   */
  @GetMapping("/golden")
  String lookUp(@RequestParam(defaultValue = "") String id) {
    String asked = id.trim();
    if (asked.isEmpty()) {
      return "golden-lookup";
    }
    Matcher record = SOURCE_RECORD.matcher(asked);
    String golden = !record.matches() ? asked
        : steward.goldenIdOf(new RecordKey(record.group(1), record.group(2)))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                record.group(1) + "/" + record.group(2) + " is in no published golden record"));
    return "redirect:/golden/" + UriUtils.encodePathSegment(golden, "UTF-8");
  }

  @GetMapping("/golden/{goldenId}")
  String golden(@PathVariable String goldenId, Model model) {
    GoldenView golden = steward.golden(goldenId).orElseThrow(() -> new ResponseStatusException(
        HttpStatus.NOT_FOUND, "no golden record " + goldenId + " has been published"));
    model.addAttribute("golden", golden);
    return "golden";
  }

  @PostMapping("/golden/{goldenId}/unmerge")
  String unmerge(@PathVariable String goldenId, @RequestParam String system,
      @RequestParam String sourceId, @RequestParam(defaultValue = "") String comment,
      Authentication who, RedirectAttributes redirect) {
    RecordKey record = new RecordKey(system, sourceId);
    List<Decision> decisions = steward.unmerge(goldenId, record, who.getName(), comment);
    redirect.addFlashAttribute("notice", record + " is taken out of " + goldenId + " ("
        + decisions.size() + (decisions.size() == 1 ? " cannot-link" : " cannot-links")
        + "): the next run gives it a golden record of its own or another one.");
    return "redirect:/golden/" + UriUtils.encodePathSegment(goldenId, "UTF-8");
  }
}
