package io.murmur.user.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.murmur.events.user.UserRegistered;
import io.murmur.support.events.outbox.PostgresOutbox;
import io.murmur.support.web.ProblemException;
import io.murmur.user.account.Normalization;
import io.murmur.user.account.User;
import io.murmur.user.account.UserRepository;
import io.murmur.user.account.UserResponse;
import io.murmur.user.account.UserResponses;
import io.murmur.user.web.UserProblem;

/**
 * Creates accounts. The password is hashed before the transaction starts, so that no
 * database connection waits on the hash; the account and its {@link UserRegistered} event
 * are then stored together. Taken handles and emails are found up front for a clear
 * answer, and by the unique indexes when two registrations race.
 */
@Service
class RegistrationService {

	private final UserRepository users;

	private final PasswordEncoder passwordEncoder;

	private final PostgresOutbox outbox;

	private final TransactionTemplate transaction;

	private final UserResponses responses;

	RegistrationService(UserRepository users, PasswordEncoder passwordEncoder, PostgresOutbox outbox,
			TransactionTemplate transaction, UserResponses responses) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.outbox = outbox;
		this.transaction = transaction;
		this.responses = responses;
	}

	UserResponse register(RegisterRequest request) {
		String handle = Objects.requireNonNull(request.handle());
		String email = Normalization.email(Objects.requireNonNull(request.email()));
		String displayName = Normalization.displayName(request.displayName(), handle);
		if (this.users.existsByHandle(handle)) {
			throw handleTaken();
		}
		if (this.users.existsByEmail(email)) {
			throw emailTaken();
		}
		String passwordHash = this.passwordEncoder.encode(Objects.requireNonNull(request.password()));
		try {
			User user = this.transaction.execute((status) -> {
				Instant now = Instant.now();
				User created = this.users.saveAndFlush(new User(handle, email, passwordHash, displayName, now));
				this.outbox.append(new UserRegistered(UUID.randomUUID(), now, created.getId(), handle, displayName));
				return created;
			});
			return this.responses.of(Objects.requireNonNull(user));
		}
		catch (DataIntegrityViolationException ex) {
			String message = String.valueOf(ex.getMostSpecificCause().getMessage());
			if (message.contains("users_handle_lower_key")) {
				throw handleTaken();
			}
			if (message.contains("users_email_key")) {
				throw emailTaken();
			}
			throw ex;
		}
	}

	private static ProblemException handleTaken() {
		return new ProblemException(UserProblem.HANDLE_TAKEN, "This handle is already taken");
	}

	private static ProblemException emailTaken() {
		return new ProblemException(UserProblem.EMAIL_TAKEN, "An account with this email address already exists");
	}

}
