package org.complaintdesk.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/** Accounts and sessions. */
public class AuthConfiguration {
  /** How long a login session token stays valid. */
  @JsonProperty @NotNull public Duration sessionTtl = Duration.hours(12);

  /** bcrypt work factor (each +1 doubles the cost of a login and of a guess). */
  @JsonProperty
  @Min(4)
  @Max(16)
  public int bcryptCost = 11;

  /**
   * Marks the session cookie {@code Secure} (sent over HTTPS only). Turn it on whenever the app is
   * reached over HTTPS, which is every real installation.
   */
  @JsonProperty public boolean cookieSecure = false;

  /** Failed logins for one account within {@link #failureWindow} before it is locked out. */
  @JsonProperty
  @Min(1)
  public int maxFailuresPerAccount = 5;

  /** Failed logins from one address within {@link #failureWindow} before it is locked out. */
  @JsonProperty
  @Min(1)
  public int maxFailuresPerAddress = 20;

  /** The window for counting failed logins; a lockout lasts until it has passed. */
  @JsonProperty @NotNull public Duration failureWindow = Duration.minutes(15);

  /**
   * Users created at start-up if they do not exist yet. Use it for the demo and to bootstrap the
   * first admin (with the password from an environment variable); existing users are never changed.
   */
  @JsonProperty @Valid @NotNull public List<UserSeed> users = new ArrayList<>();

  public static class UserSeed {
    @JsonProperty @NotEmpty public String username;

    @JsonProperty
    @NotNull
    @Size(min = 8, message = "must have at least 8 characters")
    public String password;

    @JsonProperty @NotEmpty public List<String> roles = new ArrayList<>();
    @JsonProperty @NotNull public List<String> languages = new ArrayList<>();
  }
}
