package io.hcp360.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.hcp360.config.NameFormat;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameSplitterTest {

  @ParameterizedTest(name = "{0} as {1}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      // full name                  | format     | title | first    | middle | last           | suffix | credential
      "SMITH, JOHN A                | LAST_FIRST | -     | JOHN     | A      | SMITH          | -      | -",
      "DEL ROSARIO, REBECCA V       | LAST_FIRST | -     | REBECCA  | V      | DEL ROSARIO    | -      | -",
      "SMITH, JOHN A V              | LAST_FIRST | -     | JOHN     | A      | SMITH          | V      | -",
      "Smith, John A., MD           | LAST_FIRST | -     | John     | A.     | Smith          | -      | MD",
      "Dr. John A. Smith, MD        | FIRST_LAST | Dr.   | John     | A.     | Smith          | -      | MD",
      "John Smith Jr                | FIRST_LAST | -     | John     | -      | Smith          | Jr     | -",
      "Ludwig van Beethoven         | FIRST_LAST | -     | Ludwig   | -      | van Beethoven  | -      | -",
      "Prof. Dr. Anna Müller-Lüdenscheidt | FIRST_LAST | Prof. Dr. | Anna | - | Müller-Lüdenscheidt | - | -",
      "García López, José María     | AUTO       | -     | José     | María  | García López   | -      | -",
      "Dr. Maria Garcia, MD, PhD    | AUTO       | Dr.   | Maria    | -      | Garcia         | -      | MD PhD",
      "Robert Jones Sr., DO         | AUTO       | -     | Robert   | -      | Jones          | Sr.    | DO",
      "Madonna                      | FIRST_LAST | -     | -        | -      | Madonna        | -      | -",
  })
  void splitsNamesAsSourcesWriteThem(String full, NameFormat format, String title, String first,
      String middle, String last, String suffix, String credential) {
    NameParts parts = NameSplitter.split(full, format);
    assertThat(parts.title()).isEqualTo(Optional.ofNullable(title));
    assertThat(parts.first()).isEqualTo(Optional.ofNullable(first));
    assertThat(parts.middle()).isEqualTo(Optional.ofNullable(middle));
    assertThat(parts.last()).isEqualTo(Optional.ofNullable(last));
    assertThat(parts.suffix()).isEqualTo(Optional.ofNullable(suffix));
    assertThat(parts.credential()).isEqualTo(Optional.ofNullable(credential));
  }
}
