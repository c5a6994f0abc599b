package io.hcp360.samples;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One real person: the truth every source record of this person is a noisy view of. Optional
 * text is blank, never null; {@code oldAddress} is null unless the person moved.
 *
 * @param maidenName the birth name of a person who took a new surname on marriage, else blank
 * @param systems the {@link SourceSystem}s the person appears in, as a bit set
 * @param lookAlike what makes this person resemble another real person, for the curious reader
 */
record Person(
    String id,
    Market market,
    Gender gender,
    String firstName,
    String middleName,
    String lastName,
    String maidenName,
    String suffix,
    Pools.Specialty specialty,
    String credential,
    String npi,
    String registryId,
    String stateLicence,
    Address address,
    Address oldAddress,
    String phoneArea,
    String phoneNumber,
    String organisation,
    String workEmail,
    String personalEmail,
    LocalDate birthDate,
    int systems,
    LookAlike lookAlike) {

  /** Why a person resembles another one. */
  enum LookAlike {
    NONE,
    NAMESAKE,
    SPOUSE,
    FATHER,
    SON
  }

  Person {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(firstName, "firstName");
    Objects.requireNonNull(lastName, "lastName");
    Objects.requireNonNull(address, "address");
    if (systems == 0) {
      throw new IllegalArgumentException("person " + id + " is in no system");
    }
  }

  boolean in(SourceSystem s) {
    return (systems & s.bit()) != 0;
  }
}
