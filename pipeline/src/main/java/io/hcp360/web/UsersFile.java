package io.hcp360.web;

import io.hcp360.config.Problems;
import io.hcp360.config.YamlNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the users file of the review page; every problem is reported at once, with file and
 * line.
 *
 * <pre>
 * users:
 *   - name: ana                 # letters, digits, . _ @ -; the who of her decisions
 *     role: steward             # steward (decides) or viewer (reads only)
 *     password: "$2a$10$..."    # a BCrypt hash: ./hcp360 serve --hash-password
 * </pre>
 */
public final class UsersFile {
  /** The users file's name, beside the job file: {@code jobs/stewards.yaml} by default. */
  public static final String DEFAULT_NAME = "stewards.yaml";

  private static final Set<String> ROOT_KEYS = Set.of("users");
  private static final Set<String> USER_KEYS = Set.of("name", "role", "password");

  private UsersFile() {}

  /**
   * The users of a file.
   *
   * @throws io.hcp360.config.ConfigException listing every problem found
   */
  public static List<User> load(Path file) {
    Problems problems = new Problems();
    List<User> users = new ArrayList<>();
    if (!Files.isRegularFile(file)) {
      problems.add(file, 0, "there is no users file; write one (see the README's Web review):"
          + " users: [{name: NAME, role: steward, password: HASH}], with HASH from"
          + " ./hcp360 serve --hash-password");
      problems.throwIfAny();
    }
    YamlNode.parse(file, problems).ifPresent(root -> {
      YamlNode list = root.entries("the users file", ROOT_KEYS).get("users");
      if (list == null) {
        root.problem("the users file needs a 'users:' list");
        return;
      }
      Set<String> names = new HashSet<>();
      for (YamlNode item : list.items("users")) {
        user(item, names).ifPresent(users::add);
      }
      if (users.isEmpty() && problems.isEmpty()) {
        list.problem("the users file names no user");
      }
    });
    problems.throwIfAny();
    return List.copyOf(users);
  }

  private static Optional<User> user(YamlNode item, Set<String> names) {
    Map<String, YamlNode> entries = item.entries("a user", USER_KEYS);
    Optional<String> name = required(item, entries, "name").filter(n -> {
      boolean ok = User.NAME.matcher(n).matches();
      if (!ok) {
        entries.get("name").problem("a user name is 1 to 64 letters, digits, '.', '_', '@' or"
            + " '-', not '" + n + "'");
      }
      return ok;
    });
    if (name.isPresent() && !names.add(name.get())) {
      item.problem("user '" + name.get() + "' is given twice");
      return Optional.empty();
    }
    Optional<Role> role = required(item, entries, "role").flatMap(r -> {
      Optional<Role> known = Role.ofFileName(r);
      if (known.isEmpty()) {
        entries.get("role").problem("role must be one of " + Role.fileNames() + ", not '" + r
            + "'" + Problems.didYouMean(r, Role.fileNames()));
      }
      return known;
    });
    Optional<String> hash = required(item, entries, "password").filter(p -> {
      boolean ok = User.BCRYPT.matcher(p).matches();
      if (!ok) {
        entries.get("password").problem("password must be a BCrypt hash (\"$2a$10$...\", in"
            + " quotes), never the password itself: make one with ./hcp360 serve"
            + " --hash-password");
      }
      return ok;
    });
    if (name.isEmpty() || role.isEmpty() || hash.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new User(name.get(), role.get(), hash.get()));
  }

  private static Optional<String> required(
      YamlNode item, Map<String, YamlNode> entries, String key) {
    YamlNode value = entries.get(key);
    if (value == null) {
      if (item.isMapping()) {
        item.problem("a user needs '" + key + "'");
      }
      return Optional.empty();
    }
    return value.text(key);
  }
}
