package io.murmur.user.imports;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A password hash in exactly the stored form the service's password encoder reads as
 * Argon2id:
 * {@code {argon2}$argon2id$v=19$m=<KiB>,t=<iterations>,p=<lanes>$<salt>$<hash>}, salt and
 * hash in standard Base64 without padding, as Spring Security's
 * {@code Argon2PasswordEncoder} writes them. Nothing else is accepted: no other
 * algorithm, no {@code {noop}} plain text, no Argon2i or Argon2d.
 * <p>
 * The parameters are bounded because every login with the password recomputes the hash
 * with them: lanes 1 to {@value #MAX_LANES}, memory from 8 KiB per lane (Argon2's
 * minimum) to {@value #MAX_MEMORY_KIB} KiB, iterations 1 to {@value #MAX_ITERATIONS},
 * salt {@value #MIN_SALT_BYTES} to 64 bytes, hash {@value #MIN_HASH_BYTES} to 64 bytes.
 * Weaker parameters than the service's own are accepted: the login that next checks the
 * password stores a new hash with the current ones. {@code null} is left to
 * {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = Argon2idHash.Validator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface Argon2idHash {

	/** The most memory a hash may ask for, 256 MiB. */
	int MAX_MEMORY_KIB = 256 * 1024;

	/** The most iterations a hash may ask for. */
	int MAX_ITERATIONS = 16;

	/** The most lanes a hash may ask for. */
	int MAX_LANES = 16;

	/** The shortest salt accepted, Argon2's minimum. */
	int MIN_SALT_BYTES = 8;

	/** The shortest hash accepted. */
	int MIN_HASH_BYTES = 16;

	String message() default "must be an Argon2id hash as stored: "
			+ "{argon2}$argon2id$v=19$m=<KiB>,t=<iterations>,p=<lanes>$<Base64 salt>$<Base64 hash>";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/**
	 * Validates {@link Argon2idHash}.
	 */
	class Validator implements ConstraintValidator<Argon2idHash, CharSequence> {

		private static final Pattern FORMAT = Pattern
			.compile("\\{argon2}\\$argon2id\\$v=19\\$m=([1-9][0-9]{0,8}),t=([1-9][0-9]{0,2}),p=([1-9][0-9]{0,2})"
					+ "\\$([A-Za-z0-9+/]{11,86})\\$([A-Za-z0-9+/]{22,86})");

		@Override
		public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
			if (value == null) {
				return true;
			}
			Matcher hash = FORMAT.matcher(value);
			if (!hash.matches()) {
				return false;
			}
			int memory = Integer.parseInt(hash.group(1));
			int iterations = Integer.parseInt(hash.group(2));
			int lanes = Integer.parseInt(hash.group(3));
			return lanes <= MAX_LANES && memory >= 8 * lanes && memory <= MAX_MEMORY_KIB && iterations <= MAX_ITERATIONS
					&& hasBytes(hash.group(4), MIN_SALT_BYTES) && hasBytes(hash.group(5), MIN_HASH_BYTES);
		}

		private static boolean hasBytes(String base64, int min) {
			if (base64.length() % 4 == 1) {
				return false;
			}
			int bytes = Base64.getDecoder().decode(base64).length;
			return bytes >= min && bytes <= 64;
		}

	}

}
