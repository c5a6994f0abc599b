package io.hcp360.steward;

import java.util.List;
import java.util.Objects;

/**
 * A published golden record: its values with lineage and its member source records.
 *
 * @param requestedId the ID asked for
 * @param goldenId the ID that holds its records now (differs when the requested one was retired)
 * @param decisions the decisions in force that name one of its members
 */
public record GoldenView(String requestedId, String goldenId, List<GoldenValue> values,
    List<GoldenMember> members, List<Decision> decisions) {

  public GoldenView {
    Objects.requireNonNull(goldenId, "goldenId");
    values = List.copyOf(values);
    members = List.copyOf(members);
    decisions = List.copyOf(decisions);
  }
}
