package io.hcp360.samples;

/** The ways a generated row is made bad, so that the loader's rejects are exercised. */
enum Fault {
  /** One column too few or too many. */
  WRONG_COLUMN_COUNT,
  /** A quoted value whose closing quote is missing (files with a quote character only). */
  BROKEN_QUOTE,
  /** A 0xFF byte, which is not valid UTF-8 (UTF-8 files only). */
  BAD_BYTE,
  /** A date that does not parse in the file's format (31/02/2024, "yesterday"). */
  BAD_DATE,
  /** The row's required identifier left blank. */
  MISSING_ID
}
