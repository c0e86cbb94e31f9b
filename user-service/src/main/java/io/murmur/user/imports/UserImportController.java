package io.murmur.user.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.murmur.support.problem.CommonProblem;
import io.murmur.support.security.CurrentUser;
import io.murmur.support.web.InvalidField;
import io.murmur.support.web.ProblemException;
import io.murmur.user.account.EmailAddress;
import io.murmur.user.account.Handle;
import io.murmur.user.account.Normalization;
import io.murmur.user.account.PlainText;

/**
 * Imports accounts whose passwords are already hashed, up to {@value #MAX_USERS} per
 * call: how a migration brings accounts over without knowing their passwords, and how a
 * benchmark loads many accounts with one known password without hashing it once per
 * account. Each user is validated as registration validates it, and its password hash
 * must be an {@link Argon2idHash Argon2id hash} in the stored form, so that the user then
 * signs in through the normal login.
 * <p>
 * Idempotent: a user whose handle exists (ignoring case) is left as it is and answered
 * with its id and {@code created: false}, so an interrupted import is simply sent again.
 * A new user whose email address belongs to another account makes the whole call a 409
 * {@code email-taken} naming those users, and nothing of the call is imported. New users
 * are stored in one transaction per call with their {@code UserRegistered} events, so the
 * other services learn of them as of any registration.
 * <p>
 * Internal: the gateway never routes {@code /internal}, and only a service token may call
 * it; a user token gets 403 before the body is read.
 */
@RestController
@RequestMapping("/internal/users")
class UserImportController {

	static final int MAX_USERS = 1000;

	private final UserImporter importer;

	UserImportController(UserImporter importer) {
		this.importer = importer;
	}

	/**
	 * Refuses user tokens. A model attribute method runs before the handler's arguments
	 * are resolved, so a user's request is refused before its body is read or validated.
	 * @param token the caller's token
	 */
	@ModelAttribute
	void requireServiceToken(@AuthenticationPrincipal Jwt token) {
		if (CurrentUser.optional(token).isPresent()) {
			throw new ProblemException(CommonProblem.FORBIDDEN, "Only a service may import users");
		}
	}

	@PostMapping("/import")
	ImportResponse importUsers(@Valid @RequestBody ImportRequest request) {
		List<UserImporter.NewAccount> accounts = new ArrayList<>();
		for (ImportedUser user : request.users()) {
			String handle = Objects.requireNonNull(user.handle());
			accounts.add(new UserImporter.NewAccount(handle, Normalization.email(Objects.requireNonNull(user.email())),
					Normalization.displayName(user.displayName(), handle),
					Objects.requireNonNull(user.passwordHash())));
		}
		rejectRepeats(accounts);
		return new ImportResponse(this.importer.importAll(accounts)
			.stream()
			.map((imported) -> new ImportedUserResponse(imported.handle(), imported.id(), imported.created()))
			.toList());
	}

	private static void rejectRepeats(List<UserImporter.NewAccount> accounts) {
		Map<String, Integer> handles = new HashMap<>();
		Map<String, Integer> emails = new HashMap<>();
		List<InvalidField> errors = new ArrayList<>();
		for (int i = 0; i < accounts.size(); i++) {
			UserImporter.NewAccount account = accounts.get(i);
			Integer first = handles.putIfAbsent(Normalization.lowerCase(account.handle()), i);
			if (first != null) {
				errors.add(new InvalidField("users[" + i + "].handle", "repeats the handle of users[" + first + "]"));
			}
			first = emails.putIfAbsent(account.email(), i);
			if (first != null) {
				errors.add(new InvalidField("users[" + i + "].email", "repeats the email of users[" + first + "]"));
			}
		}
		if (!errors.isEmpty()) {
			throw ProblemException.invalidFields(errors);
		}
	}

	/**
	 * An import.
	 *
	 * @param users the users, 1 to {@value #MAX_USERS}, no handle (ignoring case) or
	 * email twice
	 */
	record ImportRequest(@NotNull @Size(min = 1, max = MAX_USERS,
			message = "must hold between 1 and " + MAX_USERS + " users") List<@NotNull @Valid ImportedUser> users) {

	}

	/**
	 * One user to import.
	 *
	 * @param handle as at registration
	 * @param email as at registration
	 * @param displayName as at registration; the handle if absent or blank
	 * @param passwordHash the hashed password, see {@link Argon2idHash}
	 */
	record ImportedUser(@Handle @Nullable String handle, @EmailAddress @Nullable String email,
			@PlainText(max = 50) @Nullable String displayName, @NotNull @Argon2idHash @Nullable String passwordHash) {

	}

	/**
	 * The outcome, one entry per user in the order of the request.
	 *
	 * @param users the users
	 */
	record ImportResponse(List<ImportedUserResponse> users) {

	}

	/**
	 * A user after the import.
	 *
	 * @param handle the account's handle as stored
	 * @param id the account's id
	 * @param created {@code true} if this call created the account, {@code false} if it
	 * existed
	 */
	record ImportedUserResponse(String handle, long id, boolean created) {

	}

}
