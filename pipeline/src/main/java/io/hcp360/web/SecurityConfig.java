package io.hcp360.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may do what: everyone signs in; stewards and viewers read every page; only stewards may
 * change anything (every POST but sign-in and sign-out). CSRF protection is Spring Security's
 * default: every form carries a token, and a POST without it is refused (403).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfig {
  @Bean
  SecurityFilterChain filterChain(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(requests -> requests
            .requestMatchers("/login", "/review.css", "/review.js", "/error").permitAll()
            .requestMatchers(HttpMethod.GET, "/**").authenticated()
            .anyRequest().hasRole(Role.STEWARD.name()))
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/queue").permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/login?signedout").permitAll());
    return http.build();
  }

  @Bean
  InMemoryUserDetailsManager userDetailsService(ReviewUsers users) {
    return users.userDetails();
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return Passwords.encoder();
  }
}
