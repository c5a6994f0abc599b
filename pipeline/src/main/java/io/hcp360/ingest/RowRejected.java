package io.hcp360.ingest;

/** A row cannot be staged; the message is the reason stored with the reject. */
final class RowRejected extends Exception {
  private static final long serialVersionUID = 1L;

  RowRejected(String reason) {
    super(reason, null, false, false);
  }
}
