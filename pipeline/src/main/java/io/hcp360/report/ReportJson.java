package io.hcp360.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.hcp360.Hcp360Exception;

/** A {@link RunReport} to JSON and back (Jackson, records as objects). */
final class ReportJson {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ReportJson() {}

  static String write(RunReport report) {
    try {
      return MAPPER.writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new Hcp360Exception("could not write the run report as JSON: " + e.getMessage(), e);
    }
  }

  static RunReport read(String json) {
    try {
      return MAPPER.readValue(json, RunReport.class);
    } catch (JsonProcessingException e) {
      throw new Hcp360Exception("could not read a stored run report: " + e.getMessage(), e);
    }
  }
}
