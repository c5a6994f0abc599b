package io.hcp360.cli;

/** Placeholder entry point; the picocli command tree is being written. */
public final class Hcp360 {
  private Hcp360() {}

  public static void main(String[] args) {
    System.err.println("hcp360: not wired yet");
  }
}
