package io.hcp360.evaluate;

/**
 * The review band: pairs the matcher could neither accept nor reject, left for a data steward.
 *
 * @param pairs match pairs with decision {@code review}
 * @param records distinct party records in those pairs
 * @param publishedRecords party records published (rows of {@code publish.hcp_xref})
 */
public record ReviewBand(long pairs, long records, long publishedRecords) {
  public ReviewBand {
    if (pairs < 0 || records < 0 || publishedRecords < 0) {
      throw new IllegalArgumentException("negative count in the review band");
    }
  }

  /** The records in the review band as a percentage of the published records (0 if none). */
  public double percentOfPublished() {
    return publishedRecords == 0 ? 0.0 : 100.0 * records / publishedRecords;
  }
}
