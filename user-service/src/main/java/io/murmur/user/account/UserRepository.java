package io.murmur.user.account;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Accounts. Handles are compared in lower case, which the unique index on
 * {@code lower(handle)} serves; emails are stored lower case.
 */
public interface UserRepository extends JpaRepository<User, Long> {

	/**
	 * Finds an account by handle, ignoring case.
	 * @param handle the handle in any case
	 * @return the account, if any
	 */
	default Optional<User> findByHandle(String handle) {
		return findByLowerCaseHandle(Normalization.lowerCase(handle));
	}

	@Query("select u from User u where lower(u.handle) = :handle")
	Optional<User> findByLowerCaseHandle(@Param("handle") String lowerCaseHandle);

	/**
	 * Whether a handle is taken, ignoring case.
	 * @param handle the handle in any case
	 * @return whether an account has it
	 */
	default boolean existsByHandle(String handle) {
		return existsByLowerCaseHandle(Normalization.lowerCase(handle));
	}

	@Query("select count(u) > 0 from User u where lower(u.handle) = :handle")
	boolean existsByLowerCaseHandle(@Param("handle") String lowerCaseHandle);

	/**
	 * Finds an account by email.
	 * @param email the email, normalised with {@link Normalization#email(String)}
	 * @return the account, if any
	 */
	Optional<User> findByEmail(String email);

	boolean existsByEmail(String email);

	/**
	 * Loads an account and locks its row until the transaction ends, so that concurrent
	 * changes of one profile are applied, and their events written, one after the other.
	 * @param id the account id
	 * @return the account, if any
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select u from User u where u.id = :id")
	Optional<User> findByIdForUpdate(@Param("id") long id);

}
