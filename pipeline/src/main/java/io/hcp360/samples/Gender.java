package io.hcp360.samples;

/** A person's gender as the source systems record it. */
enum Gender {
  M,
  F;

  Gender other() {
    return this == M ? F : M;
  }
}
