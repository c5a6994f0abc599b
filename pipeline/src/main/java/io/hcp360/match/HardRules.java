package io.hcp360.match;

import io.hcp360.match.data.FieldColumn;
import io.hcp360.match.data.PartyData;
import io.hcp360.match.rules.HardRule;
import io.hcp360.match.rules.RuleSet;
import java.util.List;
import java.util.Optional;

/** The rule set's hard rules, applied to a pair whatever its score. */
final class HardRules {
  private final List<HardRule> rules;
  private final List<FieldColumn> columns;

  HardRules(RuleSet ruleSet, PartyData data) {
    this.rules = ruleSet.hardRules();
    this.columns = rules.stream().map(r -> data.column(r.field())).toList();
  }

  /** The columns of the never-merge rules: a cluster holds at most one value of each. */
  List<FieldColumn> exclusive() {
    java.util.List<FieldColumn> exclusive = new java.util.ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).kind() == HardRule.Kind.NEVER_MERGE_DIFFERENT
          && !exclusive.contains(columns.get(i))) {
        exclusive.add(columns.get(i));
      }
    }
    return exclusive;
  }

  /** The hard rule that decides this pair, if one does; never-merge rules win. */
  Optional<HardRule> decide(int a, int b) {
    HardRule always = null;
    for (int i = 0; i < rules.size(); i++) {
      FieldColumn column = columns.get(i);
      if (!column.present(a) || !column.present(b)) {
        continue;
      }
      boolean same = column.code(a) == column.code(b);
      HardRule rule = rules.get(i);
      if (rule.kind() == HardRule.Kind.NEVER_MERGE_DIFFERENT && !same) {
        return Optional.of(rule);
      }
      if (rule.kind() == HardRule.Kind.ALWAYS_MERGE_SAME && same && always == null) {
        always = rule;
      }
    }
    return Optional.ofNullable(always);
  }
}
