package io.hcp360.web;

import io.hcp360.steward.Decision;
import io.hcp360.steward.PairView;
import io.hcp360.steward.QueueItem;
import io.hcp360.steward.StewardService;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The merge queue: the list with its filters, one pair at a time side by side, and the
 * steward's approve / reject / skip. After a decision the next pending item of the same filters
 * is shown.
 */
@Controller
final class QueueController {
  private final StewardService steward;

  QueueController(StewardService steward) {
    this.steward = steward;
  }

  @GetMapping("/queue")
  String queue(@ModelAttribute("filters") QueueParams filters, Model model) {
    List<QueueItem> items = List.of();
    try {
      items = steward.queue(filters.filter());
    } catch (IllegalArgumentException e) {
      model.addAttribute("problem", e.getMessage());
    }
    model.addAttribute("items", items);
    return "queue";
  }

  /** The first pending item of the filters, or the queue when none is left. */
  @GetMapping("/queue/next")
  String next(@ModelAttribute("filters") QueueParams filters, RedirectAttributes redirect) {
    return nextItem(filters, redirect);
  }

  private String nextItem(QueueParams filters, RedirectAttributes redirect) {
    Optional<QueueItem> first = steward.queue(filters.filter().withLimit(1)).stream().findFirst();
    if (first.isEmpty()) {
      redirect.addFlashAttribute("done", "Nothing left to review with these filters.");
      return "redirect:/queue" + filters.query();
    }
    return "redirect:/queue/" + first.get().itemId() + filters.query();
  }

  @GetMapping("/queue/{itemId}")
  String pair(@PathVariable long itemId, @ModelAttribute("filters") QueueParams filters,
      Model model) {
    PairView pair = steward.item(itemId).orElseThrow(() -> new ResponseStatusException(
        HttpStatus.NOT_FOUND, "no queue item " + itemId));
    model.addAttribute("page", PairPage.of(pair));
    return "pair";
  }

  @PostMapping("/queue/{itemId}/approve")
  String approve(@PathVariable long itemId, @ModelAttribute("filters") QueueParams filters,
      @RequestParam(defaultValue = "") String comment, Authentication who,
      RedirectAttributes redirect) {
    Decision d = steward.approve(itemId, who.getName(), comment);
    redirect.addFlashAttribute("notice", "Approved item " + itemId + ": " + d.left() + " and "
        + d.right() + " are one person from the next run on.");
    return nextItem(filters, redirect);
  }

  @PostMapping("/queue/{itemId}/reject")
  String reject(@PathVariable long itemId, @ModelAttribute("filters") QueueParams filters,
      @RequestParam(defaultValue = "") String comment, Authentication who,
      RedirectAttributes redirect) {
    Decision d = steward.reject(itemId, who.getName(), comment);
    redirect.addFlashAttribute("notice", "Rejected item " + itemId + ": " + d.left() + " and "
        + d.right() + " stay apart from the next run on.");
    return nextItem(filters, redirect);
  }

  @PostMapping("/queue/{itemId}/skip")
  String skip(@PathVariable long itemId, @ModelAttribute("filters") QueueParams filters,
      Authentication who, RedirectAttributes redirect) {
    steward.skip(itemId, who.getName());
    redirect.addFlashAttribute("notice", "Skipped item " + itemId + ": it waits at the end of"
        + " the queue.");
    return nextItem(filters, redirect);
  }
}
