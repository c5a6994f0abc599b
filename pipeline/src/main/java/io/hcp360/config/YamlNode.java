package io.hcp360.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML node that knows its file and line, and reports a wrong shape as a problem rather than
 * throwing, so that one pass over a file finds every mistake.
 */
public final class YamlNode {
  private final Node node;
  private final Path file;
  private final Problems problems;

  private YamlNode(Node node, Path file, Problems problems) {
    this.node = node;
    this.file = file;
    this.problems = problems;
  }

  /** Parses a file; a syntax error is reported as a problem and gives an empty result. */
  public static Optional<YamlNode> parse(Path file, Problems problems) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Node root = new Yaml(new LoaderOptions()).compose(reader);
      if (root == null) {
        problems.add(file, 1, "the file is empty");
        return Optional.empty();
      }
      return Optional.of(new YamlNode(root, file, problems));
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
      problems.add(file, line, "not valid YAML: " + e.getProblem());
      return Optional.empty();
    } catch (IOException e) {
      problems.add(file, 0, "cannot read the file: " + e.getMessage());
      return Optional.empty();
    }
  }

  public int line() {
    return node.getStartMark().getLine() + 1;
  }

  public Path file() {
    return file;
  }

  public void problem(String message) {
    problems.add(file, line(), message);
  }

  public boolean isScalar() {
    return node instanceof ScalarNode;
  }

  public boolean isMapping() {
    return node instanceof MappingNode;
  }

  /** The text of a scalar; a problem (and empty) for anything else. */
  public Optional<String> text(String what) {
    if (node instanceof ScalarNode scalar) {
      return Optional.of(scalar.getValue());
    }
    problem(what + " must be a single value");
    return Optional.empty();
  }

  /** The entries of a mapping in file order; duplicate keys are reported. */
  public Map<String, YamlNode> entries(String what) {
    Map<String, YamlNode> entries = new LinkedHashMap<>();
    if (!(node instanceof MappingNode mapping)) {
      problem(what + " must be a mapping of keys to values");
      return entries;
    }
    for (NodeTuple tuple : mapping.getValue()) {
      YamlNode key = new YamlNode(tuple.getKeyNode(), file, problems);
      Optional<String> name = key.text("a key");
      if (name.isEmpty()) {
        continue;
      }
      if (entries.containsKey(name.get())) {
        key.problem("'" + name.get() + "' is given twice in " + what);
        continue;
      }
      entries.put(name.get(), new YamlNode(tuple.getValueNode(), file, problems));
    }
    return entries;
  }

  /** Like {@link #entries} and reports keys outside {@code allowed}, with the closest match. */
  public Map<String, YamlNode> entries(String what, Set<String> allowed) {
    Map<String, YamlNode> entries = entries(what);
    if (node instanceof MappingNode mapping) {
      Set<String> unknown = new HashSet<>(entries.keySet());
      unknown.removeAll(allowed);
      for (NodeTuple tuple : mapping.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode key && unknown.contains(key.getValue())) {
          problems.add(
              file,
              key.getStartMark().getLine() + 1,
              "unknown key '" + key.getValue() + "' in " + what
                  + Problems.didYouMean(key.getValue(), allowed)
                  + " (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
        }
      }
      unknown.forEach(entries::remove);
    }
    return entries;
  }

  /** The items of a sequence; a problem (and empty) for anything else. */
  public List<YamlNode> items(String what) {
    List<YamlNode> items = new ArrayList<>();
    if (node instanceof SequenceNode sequence) {
      for (Node item : sequence.getValue()) {
        items.add(new YamlNode(item, file, problems));
      }
    } else {
      problem(what + " must be a list");
    }
    return items;
  }

  /** A list of single values, also accepting one value alone. */
  public List<String> texts(String what) {
    if (node instanceof ScalarNode scalar) {
      return List.of(scalar.getValue());
    }
    List<String> texts = new ArrayList<>();
    for (YamlNode item : items(what)) {
      item.text("each of " + what).ifPresent(texts::add);
    }
    return texts;
  }

  public Optional<Boolean> bool(String what) {
    return text(what)
        .flatMap(
            t ->
                switch (t.toLowerCase()) {
                  case "true", "yes" -> Optional.of(true);
                  case "false", "no" -> Optional.of(false);
                  default -> {
                    problem(what + " must be true or false, not '" + t + "'");
                    yield Optional.empty();
                  }
                });
  }

  public Optional<Double> number(String what) {
    return text(what).flatMap(t -> {
      try {
        return Optional.of(Double.parseDouble(t));
      } catch (NumberFormatException e) {
        problem(what + " must be a number, not '" + t + "'");
        return Optional.empty();
      }
    });
  }

  public Optional<Integer> integer(String what) {
    return text(what).flatMap(t -> {
      try {
        return Optional.of(Integer.parseInt(t));
      } catch (NumberFormatException e) {
        problem(what + " must be a whole number, not '" + t + "'");
        return Optional.empty();
      }
    });
  }
}
