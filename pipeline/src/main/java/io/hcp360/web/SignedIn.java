package io.hcp360.web;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page's model knows who is signed in and whether they may decide. */
@ControllerAdvice
final class SignedIn {
  static final String STEWARD_AUTHORITY = "ROLE_" + Role.STEWARD.name();

  @ModelAttribute("who")
  String who(Authentication authentication) {
    return signedIn(authentication) ? authentication.getName() : "";
  }

  @ModelAttribute("steward")
  boolean steward(Authentication authentication) {
    return signedIn(authentication) && authentication.getAuthorities().stream()
        .anyMatch(a -> STEWARD_AUTHORITY.equals(a.getAuthority()));
  }

  private static boolean signedIn(Authentication authentication) {
    return authentication != null && !(authentication instanceof AnonymousAuthenticationToken);
  }
}
