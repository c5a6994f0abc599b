package io.hcp360.web;

import java.util.List;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** The users of the users file, as Spring Security's user store. */
final class ReviewUsers {
  private final List<User> users;

  ReviewUsers(List<User> users) {
    this.users = List.copyOf(users);
  }

  InMemoryUserDetailsManager userDetails() {
    return new InMemoryUserDetailsManager(users.stream().map(ReviewUsers::details).toList());
  }

  private static UserDetails details(User user) {
    return org.springframework.security.core.userdetails.User.withUsername(user.name())
        .password(user.passwordHash())
        .roles(user.role().name())
        .build();
  }
}
