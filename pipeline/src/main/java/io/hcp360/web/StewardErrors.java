package io.hcp360.web;

import io.hcp360.steward.StewardException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A steward action that cannot be done as asked (an unknown item, a record no longer in the
 * golden record) is shown with the service's message, as a 409, not as a server error.
 */
@ControllerAdvice
final class StewardErrors {
  /** A filter that is not a number, say. */
  @ExceptionHandler(BindException.class)
  String badRequest(BindException e, Model model, HttpServletResponse response) {
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    model.addAttribute("status", HttpStatus.BAD_REQUEST.value());
    model.addAttribute("error", "Bad request");
    model.addAttribute("message", e.getFieldErrors().stream()
        .map(f -> f.getField() + " '" + f.getRejectedValue() + "' is not valid")
        .collect(Collectors.joining("; ")));
    return "error";
  }

  @ExceptionHandler({StewardException.class, IllegalArgumentException.class})
  String refused(RuntimeException e, Model model, HttpServletResponse response) {
    response.setStatus(HttpStatus.CONFLICT.value());
    model.addAttribute("status", HttpStatus.CONFLICT.value());
    model.addAttribute("error", "Not done");
    model.addAttribute("message", e.getMessage());
    return "error";
  }
}
