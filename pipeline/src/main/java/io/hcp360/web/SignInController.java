package io.hcp360.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security takes the form's POST. */
@Controller
final class SignInController {
  @GetMapping("/login")
  String signIn() {
    return "login";
  }

  @GetMapping("/")
  String home() {
    return "redirect:/queue";
  }
}
