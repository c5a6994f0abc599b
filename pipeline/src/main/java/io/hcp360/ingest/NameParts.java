package io.hcp360.ingest;

import java.util.Optional;

/** A person's name in its parts, as written (cleaning comes later, in standardize). */
record NameParts(
    Optional<String> title,
    Optional<String> first,
    Optional<String> middle,
    Optional<String> last,
    Optional<String> suffix,
    Optional<String> credential) {

  Optional<String> part(String field) {
    return switch (field) {
      case "title" -> title;
      case "first_name" -> first;
      case "middle_name" -> middle;
      case "last_name" -> last;
      case "suffix" -> suffix;
      case "credential" -> credential;
      default -> Optional.empty();
    };
  }
}
