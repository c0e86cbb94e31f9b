package io.murmur.user.token;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RefreshTokenRepository extends JpaRepository<RefreshToken, Long> {

	/**
	 * Finds a token by its hash and locks its row until the transaction ends, so that of
	 * two refreshes with the same token one waits for the other and then sees it used.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select t from RefreshToken t where t.tokenHash = :hash")
	Optional<RefreshToken> findByHashForUpdate(@Param("hash") byte[] hash);

	@Query("select t from RefreshToken t where t.tokenHash = :hash")
	Optional<RefreshToken> findByHash(@Param("hash") byte[] hash);

	@Modifying
	@Query("update RefreshToken t set t.revokedAt = :now where t.familyId = :family and t.revokedAt is null")
	int revokeFamily(@Param("family") UUID familyId, @Param("now") Instant now);

	@Modifying
	@Query("delete from RefreshToken t where t.expiresAt < :before")
	int deleteExpiredBefore(@Param("before") Instant before);

}
