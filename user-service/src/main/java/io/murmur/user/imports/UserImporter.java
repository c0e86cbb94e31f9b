package io.murmur.user.imports;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.murmur.events.user.UserRegistered;
import io.murmur.support.events.outbox.PostgresOutbox;
import io.murmur.support.web.ProblemException;
import io.murmur.user.account.Normalization;
import io.murmur.user.web.UserProblem;

/**
 * Stores imported accounts: in one transaction, the accounts that do not exist yet, with
 * one JDBC batch, and their {@link UserRegistered} events, with another. Ids are taken
 * from the users' identity sequence up front, so that the events can be written with the
 * accounts without reading anything back.
 * <p>
 * Which handles and emails are taken is read at the start of the transaction. An import
 * or registration that commits the same handle or email in the meantime makes the insert
 * fail on a unique index; the call then starts over, sees what the other committed, and
 * answers accordingly.
 */
@Service
class UserImporter {

	private static final int MAX_ATTEMPTS = 3;

	private static final String INSERT = """
			insert into users (id, handle, email, password_hash, display_name, bio, created_at, updated_at)
			values (?, ?, ?, ?, ?, '', ?, ?)
			""";

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	private final PostgresOutbox outbox;

	private final TransactionTemplate transaction;

	UserImporter(JdbcClient jdbc, JdbcTemplate batches, PostgresOutbox outbox, TransactionTemplate transaction) {
		this.jdbc = jdbc;
		this.batches = batches;
		this.outbox = outbox;
		this.transaction = transaction;
	}

	/**
	 * Imports accounts; those whose handle exists are left as they are.
	 * @param accounts the accounts, emails normalised, no handle or email twice
	 * @return one entry per account, in the same order
	 * @throws ProblemException {@link UserProblem#EMAIL_TAKEN} if the email of a new
	 * account belongs to another one; nothing is imported then
	 */
	List<Imported> importAll(List<NewAccount> accounts) {
		for (int attempt = 1;; attempt++) {
			try {
				return Objects.requireNonNull(this.transaction.execute((status) -> importOnce(accounts)));
			}
			catch (DuplicateKeyException ex) {
				if (attempt == MAX_ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	private List<Imported> importOnce(List<NewAccount> accounts) {
		Taken taken = taken(accounts);
		List<NewAccount> fresh = accounts.stream()
			.filter((account) -> !taken.handles().containsKey(Normalization.lowerCase(account.handle())))
			.toList();
		rejectTakenEmails(accounts, taken);
		List<Long> ids = nextIds(fresh.size());
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		OffsetDateTime stored = now.atOffset(ZoneOffset.UTC);
		Map<String, Imported> created = new HashMap<>();
		List<UserRegistered> events = new ArrayList<>();
		for (int i = 0; i < fresh.size(); i++) {
			NewAccount account = fresh.get(i);
			long id = ids.get(i);
			created.put(Normalization.lowerCase(account.handle()), new Imported(account.handle(), id, true));
			events.add(new UserRegistered(UUID.randomUUID(), now, id, account.handle(), account.displayName()));
		}
		this.batches.batchUpdate(INSERT, fresh, fresh.size(), (statement, account) -> {
			statement.setLong(1, created.get(Normalization.lowerCase(account.handle())).id());
			statement.setString(2, account.handle());
			statement.setString(3, account.email());
			statement.setString(4, account.passwordHash());
			statement.setString(5, account.displayName());
			statement.setObject(6, stored);
			statement.setObject(7, stored);
		});
		this.outbox.appendAll(events);
		return accounts.stream().map((account) -> {
			String key = Normalization.lowerCase(account.handle());
			return Objects.requireNonNullElseGet(created.get(key), () -> taken.handles().get(key));
		}).toList();
	}

	/**
	 * The accounts that have one of the handles or emails, read with one statement so
	 * that both come from the same snapshot: a handle and its email committed by someone
	 * else in the meantime are either both seen or both unseen.
	 */
	private Taken taken(List<NewAccount> accounts) {
		String[] handles = accounts.stream()
			.map((account) -> Normalization.lowerCase(account.handle()))
			.toArray(String[]::new);
		String[] emails = accounts.stream().map(NewAccount::email).toArray(String[]::new);
		Map<String, Imported> byHandle = new HashMap<>();
		Set<String> takenEmails = new HashSet<>();
		this.jdbc.sql("select id, handle, email from users where lower(handle) = any(?) or email = any(?)")
			.params(handles, emails)
			.query((row) -> {
				Imported account = new Imported(row.getString("handle"), row.getLong("id"), false);
				byHandle.put(Normalization.lowerCase(account.handle()), account);
				takenEmails.add(row.getString("email"));
			});
		return new Taken(byHandle, takenEmails);
	}

	private static void rejectTakenEmails(List<NewAccount> accounts, Taken taken) {
		List<String> fields = new ArrayList<>();
		for (int i = 0; i < accounts.size(); i++) {
			NewAccount account = accounts.get(i);
			if (!taken.handles().containsKey(Normalization.lowerCase(account.handle()))
					&& taken.emails().contains(account.email())) {
				fields.add("users[" + i + "].email");
			}
		}
		if (!fields.isEmpty()) {
			throw new ProblemException(UserProblem.EMAIL_TAKEN, "The email addresses of " + String.join(", ", fields)
					+ " belong to other accounts; nothing was imported");
		}
	}

	private List<Long> nextIds(int count) {
		if (count == 0) {
			return List.of();
		}
		return this.jdbc
			.sql("select nextval(pg_get_serial_sequence('users', 'id')) as id from generate_series(1, ?) order by id")
			.param(count)
			.query(Long.class)
			.list();
	}

	/**
	 * What exists of an import.
	 *
	 * @param handles the existing accounts by lower-case handle
	 * @param emails the emails of existing accounts
	 */
	private record Taken(Map<String, Imported> handles, Set<String> emails) {

	}

	/**
	 * An account to import.
	 *
	 * @param handle the handle, valid
	 * @param email the email address, normalised
	 * @param displayName the display name, normalised
	 * @param passwordHash the stored form of the password hash, valid
	 */
	record NewAccount(String handle, String email, String displayName, String passwordHash) {

	}

	/**
	 * An account after the import.
	 *
	 * @param handle its handle as stored
	 * @param id its id
	 * @param created whether the import created it
	 */
	record Imported(String handle, long id, boolean created) {

	}

}
